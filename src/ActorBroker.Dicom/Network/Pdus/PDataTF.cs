using System.Buffers;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// P-DATA-TF PDU (04H), PS3.8 9.3.5. A received one holds its PDVs as slices of a pooled buffer:
/// dispose it once the fragments are consumed.
/// </summary>
internal sealed class PDataTF : Pdu, IDisposable
{
    private byte[]? _pooled;

    public PDataTF(IReadOnlyList<PresentationDataValue> values) => Values = values;

    private PDataTF(IReadOnlyList<PresentationDataValue> values, byte[] pooled)
    {
        Values = values;
        _pooled = pooled;
    }

    public IReadOnlyList<PresentationDataValue> Values { get; }

    public override PduType Type => PduType.PDataTF;

    /// <summary>Bytes a PDV item adds to the P-DATA-TF variable field on top of its fragment: item length (4), context ID (1), control header (1).</summary>
    public const int PdvOverhead = 6;

    protected override void WriteBody(PduWriter writer)
    {
        foreach (var value in Values)
        {
            WritePdv(writer, value.PresentationContextId, value.MessageControlHeader, value.Data.Span);
        }
    }

    /// <summary>Writes a whole P-DATA-TF PDU holding a single PDV (what the DIMSE fragmenter sends).</summary>
    public static void WriteSingle(PduWriter writer, byte presentationContextId, byte messageControlHeader, ReadOnlySpan<byte> fragment)
    {
        writer.WriteByte((byte)PduType.PDataTF);
        writer.WriteByte(0);
        writer.WriteUInt32((uint)(fragment.Length + PdvOverhead));
        WritePdv(writer, presentationContextId, messageControlHeader, fragment);
    }

    /// <summary>
    /// Writes a whole P-DATA-TF PDU holding two PDVs: a message's command set and its data set, each whole (last
    /// fragment). PS3.8 9.3.5 lets a P-DATA-TF carry one or more PDVs, and Annex E asks only that a message's
    /// command fragments precede its data set's; one PDU instead of two halves the reads a peer makes per
    /// C-FIND match.
    /// </summary>
    public static void WritePair(PduWriter writer, byte presentationContextId, ReadOnlySpan<byte> command, ReadOnlySpan<byte> dataset)
    {
        writer.WriteByte((byte)PduType.PDataTF);
        writer.WriteByte(0);
        writer.WriteUInt32((uint)(command.Length + dataset.Length + (2 * PdvOverhead)));
        WritePdv(writer, presentationContextId, PresentationDataValue.ControlHeader(isCommand: true, isLast: true), command);
        WritePdv(writer, presentationContextId, PresentationDataValue.ControlHeader(isCommand: false, isLast: true), dataset);
    }

    private static void WritePdv(PduWriter writer, byte presentationContextId, byte messageControlHeader, ReadOnlySpan<byte> fragment)
    {
        writer.WriteUInt32((uint)(fragment.Length + 2));
        writer.WriteByte(presentationContextId);
        writer.WriteByte(messageControlHeader);
        writer.WriteBytes(fragment);
    }

    // PS3.8 9.3.5 P-DATA-TF PDU structure: one or more PDV items, each a 32-bit item length, a
    // presentation context ID and the PDV (control header + fragment), E.2.
    public static PDataTF Parse(byte[] buffer, int length, bool pooled)
    {
        var values = new List<PresentationDataValue>(1);
        var reader = new PduBodyReader(buffer.AsSpan(0, length));
        while (reader.Remaining > 0)
        {
            var itemLength = reader.ReadUInt32();
            if (itemLength < 2 || itemLength > (uint)reader.Remaining)
            {
                throw new PduFormatException(
                    AAbortReason.InvalidPduParameterValue,
                    $"PDV item length {itemLength} is invalid ({reader.Remaining} bytes remain).");
            }

            var offset = reader.Position;
            var id = reader.ReadByte();
            var header = reader.ReadByte();
            if ((header & 0xFC) != 0)
            {
                // E.2: bits 2-7 "shall be set to 0 by the sender and not tested by the receiver".
                header &= 0x03;
            }

            reader.Skip((int)itemLength - 2);
            values.Add(new PresentationDataValue(id, header, buffer.AsMemory(offset + 2, (int)itemLength - 2)));
        }

        if (values.Count == 0)
        {
            throw new PduFormatException(AAbortReason.InvalidPduParameterValue, "P-DATA-TF carries no PDV item.");
        }

        return pooled ? new PDataTF(values, buffer) : new PDataTF(values);
    }

    public void Dispose()
    {
        var pooled = Interlocked.Exchange(ref _pooled, null);
        if (pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }
}
