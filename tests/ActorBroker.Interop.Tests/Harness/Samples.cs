using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>The HL7 sample files copied beside the tests (Samples/*.hl7, see Samples/README.md).</summary>
internal static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>
    /// The bytes python3-hl7's <c>mllp_send --loose</c> puts in the frame for a one-message file: MLLP
    /// block characters removed, CRLF and LF turned into CR, trailing CR/LF/space stripped.
    /// </summary>
    public static byte[] AsSentByMllpSendLoose(string name)
    {
        var bytes = Bytes(name).Where(b => b is not (0x0B or 0x1C or 0x0C)).ToArray();
        var text = Encoding.Latin1.GetString(bytes).Replace("\r\n", "\r", StringComparison.Ordinal).Replace('\n', '\r').TrimEnd('\r', '\n', ' ');
        return Encoding.Latin1.GetBytes(text);
    }
}
