using System.Buffers.Binary;
using System.Text;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Growable big-endian byte writer for PDUs and their items (PS3.8 9.3.1: all multi-byte
/// PDU fields are unsigned big-endian). Length fields are reserved first and patched once the
/// content is written. Reusable: <see cref="Reset"/> keeps the buffer.
/// </summary>
internal sealed class PduWriter
{
    private byte[] _buffer;
    private int _position;

    public PduWriter(int initialCapacity = 512) => _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Position => _position;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _position);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _position);

    public void Reset() => _position = 0;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_position++] = value;
    }

    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_position));
        _position += bytes.Length;
    }

    public void WriteZeros(int count)
    {
        Ensure(count);
        _buffer.AsSpan(_position, count).Clear();
        _position += count;
    }

    /// <summary>Writes an ASCII string (UIDs, implementation version name) without padding.</summary>
    public void WriteAscii(string value)
    {
        var count = Encoding.ASCII.GetByteCount(value);
        Ensure(count);
        _position += Encoding.ASCII.GetBytes(value, _buffer.AsSpan(_position));
    }

    /// <summary>Writes an AE title as the 16-byte, space-padded field of PS3.8 9.3.2 (bytes 11-26 and 27-42).</summary>
    public void WriteAeTitle(string aeTitle)
    {
        if (Encoding.ASCII.GetByteCount(aeTitle) > 16)
        {
            throw new ArgumentException($"AE title '{aeTitle}' is longer than 16 characters.", nameof(aeTitle));
        }

        Ensure(16);
        var span = _buffer.AsSpan(_position, 16);
        span.Fill((byte)' ');
        Encoding.ASCII.GetBytes(aeTitle, span);
        _position += 16;
    }

    /// <summary>Reserves a 2-byte item length; returns its offset for <see cref="EndItem"/>.</summary>
    public int BeginItem(byte itemType)
    {
        WriteByte(itemType);
        WriteByte(0);
        var at = _position;
        WriteUInt16(0);
        return at;
    }

    /// <summary>Patches the 2-byte item length reserved by <see cref="BeginItem"/>.</summary>
    public void EndItem(int lengthOffset)
    {
        var length = _position - lengthOffset - 2;
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"Item of {length} bytes does not fit a 16-bit item length.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(lengthOffset), (ushort)length);
    }

    /// <summary>Reserves a 4-byte length; returns its offset for <see cref="PatchUInt32Length"/>.</summary>
    public int ReserveUInt32()
    {
        var at = _position;
        WriteUInt32(0);
        return at;
    }

    /// <summary>Patches a 4-byte length with the number of bytes written after it.</summary>
    public void PatchUInt32Length(int lengthOffset)
    {
        var length = _position - lengthOffset - 4;
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(lengthOffset), (uint)length);
    }

    private void Ensure(int count)
    {
        if (_position + count <= _buffer.Length)
        {
            return;
        }

        var size = Math.Max(_buffer.Length * 2, _position + count);
        Array.Resize(ref _buffer, size);
    }
}
