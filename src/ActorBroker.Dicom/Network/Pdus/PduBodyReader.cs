using System.Buffers.Binary;
using System.Text;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Bounds-checked big-endian reader over a PDU variable field. Every read past the end throws
/// <see cref="PduFormatException"/> (invalid-PDU-parameter value), so a lying length never
/// reads outside the received bytes.
/// </summary>
internal ref struct PduBodyReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public PduBodyReader(ReadOnlySpan<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly int Remaining => _span.Length - _position;

    public readonly int Position => _position;

    public byte ReadByte()
    {
        Ensure(1, "byte");
        return _span[_position++];
    }

    public ushort ReadUInt16()
    {
        Ensure(2, "16-bit field");
        var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Ensure(4, "32-bit field");
        var value = BinaryPrimitives.ReadUInt32BigEndian(_span[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        Ensure(count, "field");
        var slice = _span.Slice(_position, count);
        _position += count;
        return slice;
    }

    public void Skip(int count) => ReadBytes(count);

    /// <summary>Reads an item header (type, reserved, 16-bit length) and returns the item value.</summary>
    public ReadOnlySpan<byte> ReadItem(out byte itemType)
    {
        itemType = ReadByte();
        Skip(1);
        var length = ReadUInt16();
        if (length > Remaining)
        {
            throw new PduFormatException(
                AAbortReason.InvalidPduParameterValue,
                $"Item 0x{itemType:X2} declares {length} bytes but only {Remaining} remain.");
        }

        return ReadBytes(length);
    }

    /// <summary>Reads a 16-byte AE title field; leading and trailing spaces are not significant (PS3.5 AE VR).</summary>
    public string ReadAeTitle() => DecodeAeTitle(ReadBytes(16));

    public static string DecodeAeTitle(ReadOnlySpan<byte> bytes) =>
        Encoding.ASCII.GetString(bytes).Trim(' ', '\0');

    /// <summary>
    /// Decodes a UID carried in an item (application context, abstract/transfer syntax,
    /// implementation class). Some peers pad with a trailing NUL or space; neither is significant.
    /// </summary>
    public static string DecodeUid(ReadOnlySpan<byte> bytes) =>
        Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');

    private readonly void Ensure(int count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw new PduFormatException(
                AAbortReason.InvalidPduParameterValue,
                $"PDU ends inside a {what}: {count} bytes needed at offset {_position}, {Remaining} remain.");
        }
    }
}
