using System.Buffers;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Writes a C-FIND response identifier straight from the query's <see cref="MwlResponsePlan"/> and an entry's
/// encoded values (<see cref="MwlEncodedEntry"/>): element headers around value bytes encoded once, with no
/// <see cref="DicomDataset"/> in between. The bytes are those <see cref="DicomDatasetWriter"/> writes for the
/// dataset <see cref="MwlResponseBuilder.Build"/> returns (same elements, same order, defined-length sequences,
/// PS3.5 7.1.1 even-length padding), so a scanner cannot tell the two paths apart; answering an item costs a
/// few copies instead of a dataset, its elements and an encoder pass (~4 µs an item before, the bulk of a
/// 3,500-item worklist answer).
/// </summary>
internal static class MwlResponseEncoder
{
    private static readonly DicomEncoder Explicit = new(explicitVr: true, DicomWriteOptions.Default);
    private static readonly DicomEncoder Implicit = new(explicitVr: false, DicomWriteOptions.Default);

    // PS3.5 7.1.2 (Explicit VR) / 7.1.3 (Implicit VR) element structure; 7.5.2 sequences and items of defined length.
    public static void Write(MwlResponsePlan plan, MwlEncodedEntry entry, bool explicitVr, IBufferWriter<byte> output)
    {
        foreach (var step in plan.Steps)
        {
            switch (step.Kind)
            {
                case MwlResponseStepKind.CharacterSet:
                    if (entry.CharacterSetElement is { } cs) EncoderFor(explicitVr).WriteElement(cs, output);
                    break;
                case MwlResponseStepKind.Value:
                    WriteValue(step.Slot, entry, explicitVr, output);
                    break;
                case MwlResponseStepKind.Fixed:
                    EncoderFor(explicitVr).WriteElement(step.Fixed!, output);
                    break;
                default:
                    WriteSequence(step, HasItem(step, entry), entry, explicitVr, output);
                    break;
            }
        }
    }

    /// <summary>The number of bytes <see cref="Write"/> writes.</summary>
    public static long Measure(MwlResponsePlan plan, MwlEncodedEntry entry, bool explicitVr)
    {
        long total = 0;
        foreach (var step in plan.Steps)
        {
            switch (step.Kind)
            {
                case MwlResponseStepKind.CharacterSet:
                    if (entry.CharacterSetElement is { } cs) total += EncoderFor(explicitVr).MeasureElement(cs);
                    break;
                case MwlResponseStepKind.Value:
                    var length = entry.Value(step.Slot).Length;
                    total += HeaderLength(MwlResponseSlots.Slots[step.Slot].VR, explicitVr) + length + (length & 1);
                    break;
                case MwlResponseStepKind.Fixed:
                    total += EncoderFor(explicitVr).MeasureElement(step.Fixed!);
                    break;
                default:
                    total += HeaderLength(DicomVR.SQ, explicitVr) + (HasItem(step, entry) ? 8 + Measure(step.Item!, entry, explicitVr) : 0);
                    break;
            }
        }
        return total;
    }

    private static void WriteValue(int slot, MwlEncodedEntry entry, bool explicitVr, IBufferWriter<byte> output)
    {
        var (tag, vr) = MwlResponseSlots.Slots[slot];
        var value = entry.Value(slot);
        var odd = (value.Length & 1) == 1;
        DicomEncoder.WriteHeader(output, explicitVr, tag, vr, (uint)(value.Length + (odd ? 1 : 0)));
        output.Write(value);
        if (odd)
        {
            // PS3.5 7.1.1: even lengths only; pad with the VR's padding byte (6.2).
            output.GetSpan(1)[0] = vr.PaddingByte;
            output.Advance(1);
        }
    }

    // One item (the SPS always; a code sequence when the entry has the code) or none (a Type 2 sequence, zero items).
    private static void WriteSequence(MwlResponseStep step, bool hasItem, MwlEncodedEntry entry, bool explicitVr, IBufferWriter<byte> output)
    {
        var itemLength = hasItem ? Measure(step.Item!, entry, explicitVr) : 0;
        DicomEncoder.WriteHeader(output, explicitVr, step.Tag, DicomVR.SQ, hasItem ? Length(8 + itemLength, step.Tag) : 0);
        if (!hasItem) return;
        DicomEncoder.WriteItemHeader(output, DicomTags.Item, Length(itemLength, step.Tag));
        Write(step.Item!, entry, explicitVr, output);
    }

    private static bool HasItem(MwlResponseStep step, MwlEncodedEntry entry) => step.Kind switch
    {
        MwlResponseStepKind.ScheduledProcedureStep => true,
        MwlResponseStepKind.RequestedProcedureCode => entry.HasRequestedProcedureCode,
        MwlResponseStepKind.ProtocolCode => entry.HasProtocolCode,
        _ => throw new InvalidOperationException($"{step.Kind} is not a sequence step"),
    };

    private static int HeaderLength(DicomVR vr, bool explicitVr) => explicitVr ? vr.ExplicitHeaderLength : 8;

    private static DicomEncoder EncoderFor(bool explicitVr) => explicitVr ? Explicit : Implicit;

    private static uint Length(long length, DicomTag tag) =>
        length < uint.MaxValue ? (uint)length : throw new InvalidOperationException($"{tag}: value too long for a 32-bit length.");
}
