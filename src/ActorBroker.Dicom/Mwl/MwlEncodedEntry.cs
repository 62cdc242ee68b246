using System.Runtime.CompilerServices;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The values of one <see cref="MwlEntry"/> as a response in one character set carries them — transliterated,
/// encoded and padded exactly as <see cref="MwlResponseBuilder"/> encodes them — kept in one byte array, so that
/// answering the same item again (every scanner re-queries its day's worklist) only copies element headers.
/// <para>
/// Learnt once per (entry, character set) by building the response to an identifier that asks for everything
/// (<see cref="MwlResponseSlots.FullIdentifier"/>) with the uncached builder and keeping its value bytes: the
/// bytes are by construction those the uncached builder puts in any response. Kept beside the entry (a
/// <see cref="ConditionalWeakTable{TKey,TValue}"/> on the entry's reference): an entry is immutable, a changed
/// order gets a new entry, and the encodings go when the entry does. At most <see cref="MaxCharacterSets"/>
/// character sets per entry; beyond that, and for an entry whose response could not be encoded or whose
/// sequence items would be re-encoded on attachment, the builder takes the uncached path.
/// </para>
/// <para>
/// Beside the values it keeps the whole response identifier, encoded, for up to <see cref="MaxShapes"/> query
/// shapes (<see cref="MwlResponsePlan.Shape"/>), first come first kept: a scanner re-asking its worklist is then
/// answered by copying each item's bytes (<see cref="MwlCachedResponse"/>).
/// </para>
/// </summary>
internal sealed class MwlEncodedEntry
{
    public const int MaxCharacterSets = 4;

    /// <summary>Query shapes whose whole responses an entry keeps per character set (each in the transfer syntaxes asked for).</summary>
    public const int MaxShapes = 2;

    private static readonly ConditionalWeakTable<MwlEntry, MwlEncodingCache> Cache = new();

    // (0008,0005) value -> the character set's key: DefinedTerms decide every encoding, and so does this string.
    private static readonly ConditionalWeakTable<DicomCharacterSet, string> Keys = new();

    private readonly byte[] _bytes;
    private readonly ushort[] _ends;
    private readonly Lock _shapesLock = new();
    private volatile MwlCachedResponse[] _shapes = [];

    private MwlEncodedEntry(DicomElement? characterSetElement, byte[] bytes, ushort[] ends, bool hasRequestedProcedureCode, bool hasProtocolCode)
    {
        CharacterSetElement = characterSetElement;
        _bytes = bytes;
        _ends = ends;
        HasRequestedProcedureCode = hasRequestedProcedureCode;
        HasProtocolCode = hasProtocolCode;
    }

    /// <summary>(0008,0005) as the uncached builder writes it; null for the default repertoire.</summary>
    public DicomElement? CharacterSetElement { get; }

    /// <summary>False when the entry has no requested procedure code (the sequence is returned with zero items).</summary>
    public bool HasRequestedProcedureCode { get; }

    public bool HasProtocolCode { get; }

    /// <summary>The encoded entry for <paramref name="target"/>, or null when the builder must take the uncached path.</summary>
    public static MwlEncodedEntry? For(MwlEntry entry, DicomCharacterSet target) =>
        Cache.GetValue(entry, static _ => new MwlEncodingCache()).Get(entry, target);

    /// <summary>The key of <paramref name="target"/>'s encodings: its (0008,0005) value.</summary>
    internal static string KeyOf(DicomCharacterSet target) => Keys.GetValue(target, static t => t.SpecificCharacterSet);

    /// <summary>
    /// The response to a query of <paramref name="plan"/>'s shape: kept with the entry (and returned again for a plan
    /// of the same shape, allocation-free) for the first <see cref="MaxShapes"/> shapes; beyond them, a response
    /// written from the encoded values each time.
    /// </summary>
    public IDicomDatasetEncoder ResponseFor(MwlResponsePlan plan, DicomCharacterSet target)
    {
        var shapes = _shapes;
        foreach (var shape in shapes)
        {
            if (shape.Plan.SameShape(plan)) return shape;
        }

        if (shapes.Length >= MaxShapes) return new MwlEncodedResponse(plan, this);
        lock (_shapesLock)
        {
            var current = _shapes;
            foreach (var shape in current)
            {
                if (shape.Plan.SameShape(plan)) return shape;
            }

            if (current.Length >= MaxShapes) return new MwlEncodedResponse(plan, this);
            var added = new MwlCachedResponse(plan, target, this);
            _shapes = [.. current, added];
            return added;
        }
    }

    /// <summary>The cached value bytes of <paramref name="slot"/> (unpadded: the writer pads, as for any element).</summary>
    public ReadOnlySpan<byte> Value(int slot) => Bytes(slot).Span;

    /// <summary>A new element (tag, VR and the cached value bytes) for <paramref name="slot"/>.</summary>
    public DicomElement Element(int slot)
    {
        var (tag, vr) = MwlResponseSlots.Slots[slot];
        return new DicomElement(tag, vr, Bytes(slot));
    }

    private ReadOnlyMemory<byte> Bytes(int slot)
    {
        var start = slot == 0 ? 0 : _ends[slot - 1];
        return new ReadOnlyMemory<byte>(_bytes, start, _ends[slot] - start);
    }

    /// <summary>Encodes <paramref name="entry"/>'s values in <paramref name="target"/>; null when the builder must take the uncached path.</summary>
    internal static MwlEncodedEntry? Learn(MwlEntry entry, DicomCharacterSet target)
    {
        DicomDataset full;
        try
        {
            full = MwlResponseBuilder.BuildUncached(MwlResponseSlots.FullIdentifier, entry, target);
        }
        catch (Exception)
        {
            return null; // some value cannot be encoded: the uncached path throws for it when (and only when) it is asked for
        }

        // The uncached builder attaches items built in the target's character set to a response whose (0008,0005)
        // names it; if the two ever differed, SetSequence would re-encode the items and our bytes would not be theirs.
        if (!target.Equals(full.CharacterSet)) return null;
        var sps = full.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0];
        var requested = full.GetSequence(DicomTags.RequestedProcedureCodeSequence);
        var protocol = sps.GetSequence(DicomTags.ScheduledProtocolCodeSequence);
        var values = new ReadOnlyMemory<byte>[MwlResponseSlots.Slots.Length];
        Harvest(full, MwlResponseSlots.TopLevel, values);
        Harvest(sps, MwlResponseSlots.SpsItem, values);
        if (requested.Count == 1) Harvest(requested[0], MwlResponseSlots.RequestedProcedureCode, values);
        if (protocol.Count == 1) Harvest(protocol[0], MwlResponseSlots.ProtocolCode, values);

        var total = values.Sum(v => v.Length);
        if (total > ushort.MaxValue) return null;
        var bytes = new byte[total];
        var ends = new ushort[values.Length];
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i].Span.CopyTo(bytes.AsSpan(at));
            at += values[i].Length;
            ends[i] = (ushort)at;
        }
        return new MwlEncodedEntry(full[DicomTags.SpecificCharacterSet], bytes, ends, requested.Count == 1, protocol.Count == 1);
    }

    private static void Harvest(DicomDataset ds, IReadOnlyDictionary<DicomTag, int> slots, ReadOnlyMemory<byte>[] values)
    {
        foreach (var (tag, slot) in slots) values[slot] = ds[tag]!.Value;
    }
}
