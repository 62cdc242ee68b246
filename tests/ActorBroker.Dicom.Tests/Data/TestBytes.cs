using System.Globalization;

namespace ActorBroker.Dicom.Tests.Data;

/// <summary>Hex literals for hand-written DICOM byte streams ("10 00 10 00 'PN'" style is not needed: plain hex, whitespace ignored).</summary>
internal static class TestBytes
{
    public static byte[] Hex(string hex)
    {
        var clean = new string(hex.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (clean.Length % 2 != 0) throw new ArgumentException("odd number of hex digits");
        var bytes = new byte[clean.Length / 2];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = byte.Parse(clean.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bytes;
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
