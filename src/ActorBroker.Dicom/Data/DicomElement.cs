namespace ActorBroker.Dicom.Data;

/// <summary>
/// One Data Element (PS3.5 7.1): tag, VR and either the raw value bytes (exactly as read or encoded, so unknown
/// and private elements re-encode losslessly) or, for SQ, the items. Immutable: a dataset replaces elements,
/// it never changes one, which lets <see cref="DicomDataset.Clone"/> share value bytes.
/// </summary>
public sealed class DicomElement
{
    private static readonly IReadOnlyList<DicomDataset> NoItems = Array.Empty<DicomDataset>();

    /// <summary>A non-sequence element with the given value bytes (little endian for binary VRs).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
        : this(tag, vr, value, NoItems, encapsulated: false)
    {
        if (vr == DicomVR.SQ) throw new ArgumentException("Use DicomElement.Sequence for SQ elements.", nameof(vr));
        if (!vr.IsKnown) throw new ArgumentException("Unknown VR.", nameof(vr));
    }

    private DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value, IReadOnlyList<DicomDataset> items, bool encapsulated)
    {
        Tag = tag;
        VR = vr;
        Value = value;
        Items = items;
        IsEncapsulated = encapsulated;
    }

    public DicomTag Tag { get; }

    public DicomVR VR { get; }

    /// <summary>Raw value bytes, possibly with the trailing padding byte. Empty for SQ.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The items of an SQ element; empty otherwise.</summary>
    public IReadOnlyList<DicomDataset> Items { get; }

    public bool IsSequence => VR == DicomVR.SQ;

    /// <summary>
    /// Encapsulated (undefined-length) pixel data, PS3.5 A.4: <see cref="Value"/> holds the item fragments
    /// (Basic Offset Table item first) as read, without the closing Sequence Delimitation Item.
    /// </summary>
    public bool IsEncapsulated { get; }

    /// <summary>Value length in bytes (0 for SQ).</summary>
    public int Length => Value.Length;

    /// <summary>True for a zero-length value or a sequence with no items (a Type 2 "empty" element).</summary>
    public bool IsEmpty => IsSequence ? Items.Count == 0 : Value.Length == 0;

    /// <summary>An SQ element. The items list is copied; the item datasets are not.</summary>
    public static DicomElement Sequence(DicomTag tag, IEnumerable<DicomDataset> items) =>
        new(tag, DicomVR.SQ, ReadOnlyMemory<byte>.Empty, items.ToArray(), encapsulated: false);

    /// <summary>Encapsulated pixel data: <paramref name="fragments"/> is the raw item stream (PS3.5 A.4).</summary>
    public static DicomElement Encapsulated(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> fragments)
    {
        if (vr != DicomVR.OB && vr != DicomVR.OW && vr != DicomVR.UN)
            throw new ArgumentException("Encapsulated values are OB, OW or UN.", nameof(vr));
        return new DicomElement(tag, vr, fragments, NoItems, encapsulated: true);
    }

    internal static DicomElement SequenceNoCopy(DicomTag tag, DicomDataset[] items) =>
        new(tag, DicomVR.SQ, ReadOnlyMemory<byte>.Empty, items, encapsulated: false);

    public override string ToString() =>
        IsSequence ? $"{Tag} SQ ({Items.Count} items)" : $"{Tag} {VR} ({Value.Length} bytes)";
}
