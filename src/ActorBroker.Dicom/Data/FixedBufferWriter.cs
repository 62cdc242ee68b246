using System.Buffers;

namespace ActorBroker.Dicom.Data;

/// <summary>An <see cref="IBufferWriter{T}"/> over an array of known final size: measure once, write once, no copy.</summary>
internal sealed class FixedBufferWriter : IBufferWriter<byte>
{
    private readonly byte[] _buffer;
    private int _written;

    public FixedBufferWriter(byte[] buffer, int offset = 0)
    {
        _buffer = buffer;
        _written = offset;
    }

    public int WrittenCount => _written;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length) throw new InvalidOperationException("Advanced past the measured size.");
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        if (_buffer.Length - _written < sizeHint) throw new InvalidOperationException("Encoder wrote more than it measured.");
        return _buffer.AsSpan(_written);
    }
}
