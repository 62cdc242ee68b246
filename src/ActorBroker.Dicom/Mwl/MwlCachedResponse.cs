using System.Buffers;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// One entry's whole response identifier for one query shape and character set, encoded on first use per transfer
/// syntax (by <see cref="MwlResponseEncoder"/>, so byte for byte what the dataset path writes) and kept: answering
/// the item again is one copy. Kept by its <see cref="MwlEncodedEntry"/> (<see cref="MwlEncodedEntry.ResponseFor"/>),
/// so it goes when the entry does (a changed order gets a new entry). Two threads encoding it at once both publish
/// the same bytes.
/// </summary>
internal sealed class MwlCachedResponse : IEncodedDataset
{
    private readonly MwlEncodedEntry _entry;
    private byte[]? _explicitVr;
    private byte[]? _implicitVr;

    public MwlCachedResponse(MwlResponsePlan plan, DicomCharacterSet characterSet, MwlEncodedEntry entry)
    {
        Plan = plan;
        CharacterSet = characterSet;
        _entry = entry;
        // Made with it (and so next to it in memory): answering the item reads both.
        Pending = CFindResponse.Pending(this);
    }

    public MwlResponsePlan Plan { get; }

    /// <summary>The character set instance it was first asked in (any of the same (0008,0005) value encodes alike).</summary>
    public DicomCharacterSet CharacterSet { get; }

    /// <summary>The pending C-FIND response (FF00) carrying this identifier: immutable, so made once and reused.</summary>
    public CFindResponse Pending { get; }

    // PS3.5 7.1.2 / 7.1.3: the data set in the negotiated syntax (little endian only, as DicomDatasetWriter).
    public void Encode(DicomTransferSyntax syntax, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Bytes(syntax));
    }

    public ReadOnlyMemory<byte> Encoded(DicomTransferSyntax syntax) => Bytes(syntax);

    /// <summary>The encoded identifier in <paramref name="syntax"/>.</summary>
    public byte[] Bytes(DicomTransferSyntax syntax)
    {
        DicomDatasetWriter.EnsureWritable(syntax);
        return syntax.IsExplicitVR
            ? Volatile.Read(ref _explicitVr) ?? Publish(ref _explicitVr, explicitVr: true)
            : Volatile.Read(ref _implicitVr) ?? Publish(ref _implicitVr, explicitVr: false);
    }

    private byte[] Publish(ref byte[]? field, bool explicitVr)
    {
        var bytes = new byte[checked((int)MwlResponseEncoder.Measure(Plan, _entry, explicitVr))];
        MwlResponseEncoder.Write(Plan, _entry, explicitVr, new FixedBufferWriter(bytes));
        Volatile.Write(ref field, bytes);
        return bytes;
    }
}
