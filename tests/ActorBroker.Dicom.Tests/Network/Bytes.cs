using System.Globalization;
using System.Text;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Hand-built byte streams for PDU tests: hex with whitespace, ASCII text, zero runs.</summary>
internal static class Bytes
{
    public static byte[] Hex(string hex)
    {
        var clean = new string(hex.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var bytes = new byte[clean.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse(clean.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return bytes;
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Zeros(int count) => new byte[count];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
