using System.Buffers;
using System.Buffers.Binary;

namespace ActorBroker.Dicom.Data;

/// <summary>
/// The Data Set encoder behind <see cref="DicomDatasetWriter"/> and <see cref="DicomFile"/>: a measuring pass
/// (defined-length sequences need their length before their items) and a writing pass into an
/// <see cref="IBufferWriter{T}"/>.
/// </summary>
internal sealed class DicomEncoder
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private readonly bool _explicitVr;
    private readonly bool _undefinedSequences;

    public DicomEncoder(bool explicitVr, DicomWriteOptions options)
    {
        _explicitVr = explicitVr;
        _undefinedSequences = options.UndefinedLengthSequences;
    }

    /// <summary>Encoded size of a whole dataset in bytes.</summary>
    public long Measure(DicomDataset ds)
    {
        long total = 0;
        foreach (var e in ds) total += MeasureElement(e);
        return total;
    }

    public long MeasureElement(DicomElement e) => HeaderLength(e.VR) + MeasureValue(e);

    // PS3.5 7.1.2 / 7.1.3 element structure; 7.5 sequences.
    public void WriteDataset(DicomDataset ds, IBufferWriter<byte> output)
    {
        foreach (var e in ds) WriteElement(e, output);
    }

    public void WriteElement(DicomElement e, IBufferWriter<byte> output)
    {
        if (e.IsSequence)
        {
            var seqLength = _undefinedSequences ? UndefinedLength : CheckedLength(MeasureValue(e), e.Tag);
            WriteHeader(output, e.Tag, e.VR, seqLength);
            foreach (var item in e.Items)
            {
                var itemLength = _undefinedSequences ? UndefinedLength : CheckedLength(Measure(item), e.Tag);
                WriteItemHeader(output, DicomTags.Item, itemLength);
                WriteDataset(item, output);
                if (_undefinedSequences) WriteItemHeader(output, DicomTags.ItemDelimitationItem, 0);
            }
            if (_undefinedSequences) WriteItemHeader(output, DicomTags.SequenceDelimitationItem, 0);
            return;
        }
        if (e.IsEncapsulated)
        {
            // PS3.5 A.4: fragments are written back exactly as read, closed by a Sequence Delimitation Item.
            WriteHeader(output, e.Tag, e.VR, UndefinedLength);
            output.Write(e.Value.Span);
            WriteItemHeader(output, DicomTags.SequenceDelimitationItem, 0);
            return;
        }
        var value = e.Value.Span;
        var odd = (value.Length & 1) == 1;
        WriteHeader(output, e.Tag, e.VR, (uint)(value.Length + (odd ? 1 : 0)));
        output.Write(value);
        if (odd)
        {
            // PS3.5 7.1.1: even lengths only; pad with the VR's padding byte (6.2).
            var pad = output.GetSpan(1);
            pad[0] = e.VR.PaddingByte;
            output.Advance(1);
        }
    }

    private long MeasureValue(DicomElement e)
    {
        if (e.IsSequence)
        {
            long total = 0;
            foreach (var item in e.Items) total += 8 + Measure(item) + (_undefinedSequences ? 8 : 0);
            return total + (_undefinedSequences ? 8 : 0);
        }
        if (e.IsEncapsulated) return e.Value.Length + 8L;
        return e.Value.Length + (e.Value.Length & 1);
    }

    private int HeaderLength(DicomVR vr) => _explicitVr ? vr.ExplicitHeaderLength : 8;

    private void WriteHeader(IBufferWriter<byte> output, DicomTag tag, DicomVR vr, uint length) => WriteHeader(output, _explicitVr, tag, vr, length);

    /// <summary>An element header (tag, VR when explicit, length) alone: for writers that copy values they encoded earlier.</summary>
    internal static void WriteHeader(IBufferWriter<byte> output, bool explicitVr, DicomTag tag, DicomVR vr, uint length)
    {
        if (!explicitVr)
        {
            // PS3.5 7.1.3: tag, 32-bit length, no VR.
            var span = output.GetSpan(8);
            WriteTag(span, tag);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], length);
            output.Advance(8);
            return;
        }
        if (vr.Is32BitLength)
        {
            // PS3.5 7.1.2 Table 7.1-1: tag, VR, 2 reserved bytes 0000H, 32-bit length.
            var span = output.GetSpan(12);
            WriteTag(span, tag);
            span[4] = vr.Byte0;
            span[5] = vr.Byte1;
            span[6] = 0;
            span[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], length);
            output.Advance(12);
        }
        else
        {
            // PS3.5 7.1.2 Table 7.1-2: tag, VR, 16-bit length.
            if (length > ushort.MaxValue)
                throw new InvalidOperationException($"{tag} {vr}: value of {length} bytes does not fit the 16-bit length of Explicit VR.");
            var span = output.GetSpan(8);
            WriteTag(span, tag);
            span[4] = vr.Byte0;
            span[5] = vr.Byte1;
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)length);
            output.Advance(8);
        }
    }

    // PS3.5 7.5: item and delimitation headers carry no VR in either transfer syntax.
    internal static void WriteItemHeader(IBufferWriter<byte> output, DicomTag tag, uint length)
    {
        var span = output.GetSpan(8);
        WriteTag(span, tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], length);
        output.Advance(8);
    }

    private static void WriteTag(Span<byte> span, DicomTag tag)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], tag.Element);
    }

    private static uint CheckedLength(long length, DicomTag tag) =>
        length < UndefinedLength ? (uint)length : throw new InvalidOperationException($"{tag}: value too long for a 32-bit length.");
}
