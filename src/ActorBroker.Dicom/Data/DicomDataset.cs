using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using ActorBroker.Dicom.CharacterSets;

namespace ActorBroker.Dicom.Data;

/// <summary>
/// A Data Set (PS3.5 7): elements kept in ascending tag order, each with its raw value bytes. Strings are
/// decoded on read with the Specific Character Set (0008,0005) in force for this dataset — its own, else the
/// one of the dataset whose sequence holds it (PS3.5 7.5.3), else the default repertoire.
/// Not thread-safe for writes; concurrent reads of an unchanged dataset are fine.
/// </summary>
public sealed class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements;
    private DicomElement? _charsetElement;
    private DicomCharacterSet? _charset;
    private readonly DicomCharacterSet? _detachedCharacterSet;

    public DicomDataset()
    {
        _elements = [];
    }

    /// <summary>
    /// A dataset (typically a sequence item built before it is attached) whose text is encoded in
    /// <paramref name="characterSet"/> while it has no (0008,0005) of its own and no parent. Attaching it to a
    /// parent with another character set re-encodes its text (see <see cref="SetSequence"/>).
    /// </summary>
    public DicomDataset(DicomCharacterSet characterSet)
        : this()
    {
        _detachedCharacterSet = characterSet ?? throw new ArgumentNullException(nameof(characterSet));
    }

    private DicomDataset(int capacity, DicomCharacterSet? detachedCharacterSet)
    {
        _elements = new List<DicomElement>(capacity);
        _detachedCharacterSet = detachedCharacterSet;
    }

    /// <summary>Number of elements at this level (items of sequences not counted).</summary>
    public int Count => _elements.Count;

    /// <summary>
    /// The dataset whose sequence this dataset is an item of (last attached), used to inherit the
    /// Specific Character Set. Null for a top-level dataset.
    /// </summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>The element with this tag, or null.</summary>
    public DicomElement? this[DicomTag tag]
    {
        get
        {
            var i = IndexOf(tag);
            return i >= 0 ? _elements[i] : null;
        }
    }

    /// <summary>
    /// Character set for SH/LO/ST/LT/UC/UT/PN values: this dataset's (0008,0005), else the parent's
    /// (PS3.5 7.5.3), else the default repertoire. Unknown defined terms are tolerated (see
    /// <see cref="DicomCharacterSet.Parse"/>).
    /// </summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            var own = this[DicomTags.SpecificCharacterSet];
            if (own is null) return Parent?.CharacterSet ?? _detachedCharacterSet ?? DicomCharacterSet.Default;
            if (!ReferenceEquals(own, _charsetElement) || _charset is null)
            {
                _charset = DicomCharacterSet.Parse(DecodeAscii(own.Value.Span));
                _charsetElement = own;
            }
            return _charset;
        }
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    /// <summary>
    /// The value as text: strings decoded with <see cref="CharacterSet"/> (text VRs) or the default repertoire,
    /// trailing padding removed (and leading spaces where PS3.5 6.2 calls them insignificant); several values
    /// come back backslash-joined as on the wire. Binary numbers are formatted invariantly, backslash-joined.
    /// <paramref name="defaultValue"/> when the element is absent or a sequence; "" when present and empty.
    /// </summary>
    public string GetString(DicomTag tag, string defaultValue = "")
    {
        var e = this[tag];
        if (e is null || e.IsSequence) return defaultValue;
        if (e.VR.IsBinary && e.VR != DicomVR.UN) return string.Join('\\', FormatBinary(e));
        return TrimValue(e.VR, DecodeText(e));
    }

    /// <summary>
    /// The values: the decoded string split at backslash (not for ST/LT/UT/UR, where backslash is text), each value
    /// trimmed of insignificant spaces. Empty list when the element is absent or empty.
    /// </summary>
    public IReadOnlyList<string> GetStrings(DicomTag tag)
    {
        var e = this[tag];
        if (e is null || e.IsSequence || e.Value.IsEmpty) return [];
        if (e.VR.IsBinary && e.VR != DicomVR.UN) return FormatBinary(e);
        var text = DecodeText(e);
        if (!e.VR.IsMultiValueString) return [TrimValue(e.VR, text)];
        // Split after decoding: in GBK/GB18030 and ISO 2022 multi-byte sets a 5CH byte can be half a character.
        var parts = text.Split('\\');
        for (var i = 0; i < parts.Length; i++) parts[i] = TrimValue(e.VR, parts[i]);
        return parts;
    }

    /// <summary>The items of a sequence; empty when absent or not a sequence.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => this[tag] is { IsSequence: true } e ? e.Items : [];

    /// <summary>The first US value. Throws <see cref="DicomFormatException"/> when absent or shorter than 2 bytes.</summary>
    public ushort GetUInt16(DicomTag tag) =>
        TryGetUInt16(tag, out var v) ? v : throw new DicomFormatException($"{tag} is missing or not a 16-bit value");

    /// <summary>The first UL value. Throws <see cref="DicomFormatException"/> when absent or shorter than 4 bytes.</summary>
    public uint GetUInt32(DicomTag tag) =>
        TryGetUInt32(tag, out var v) ? v : throw new DicomFormatException($"{tag} is missing or not a 32-bit value");

    public bool TryGetUInt16(DicomTag tag, out ushort value)
    {
        value = 0;
        var e = this[tag];
        if (e is null || e.IsSequence || e.Value.Length < 2) return false;
        value = BinaryPrimitives.ReadUInt16LittleEndian(e.Value.Span);
        return true;
    }

    public bool TryGetUInt32(DicomTag tag, out uint value)
    {
        value = 0;
        var e = this[tag];
        if (e is null || e.IsSequence || e.Value.Length < 4) return false;
        value = BinaryPrimitives.ReadUInt32LittleEndian(e.Value.Span);
        return true;
    }

    /// <summary>The values of an AT element (e.g. (0000,0901) Offending Element, (0000,1005) Attribute Identifier List).</summary>
    public IReadOnlyList<DicomTag> GetTags(DicomTag tag)
    {
        var e = this[tag];
        if (e is null || e.IsSequence) return [];
        var span = e.Value.Span;
        var result = new DicomTag[span.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new DicomTag(
                BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 4)..]),
                BinaryPrimitives.ReadUInt16LittleEndian(span[(i * 4 + 2)..]));
        }
        return result;
    }

    /// <summary>
    /// Sets a value from text. String VRs are encoded with <see cref="CharacterSet"/> (text VRs) or strictly
    /// as ASCII (AE, CS, DA, UI, ...) and padded to even length; an unrepresentable character throws
    /// <see cref="DicomEncodingException"/> rather than emitting wrong bytes. Binary number VRs (US, UL, SS, SL,
    /// FL, FD, SV, UV, AT) parse backslash-separated numbers. Setting (0008,0005) re-encodes the text already
    /// in this dataset (and in items that inherit it) into the new character set, all or nothing.
    /// </summary>
    public DicomDataset Set(DicomTag tag, DicomVR vr, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var element = new DicomElement(tag, vr, EncodeValue(tag, vr, value));
        if (tag == DicomTags.SpecificCharacterSet) return SetCharacterSetElement(element);
        Put(element);
        return this;
    }

    /// <summary>Sets a multi-valued string (values joined with backslash).</summary>
    public DicomDataset SetValues(DicomTag tag, DicomVR vr, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (vr.IsString && list.Any(v => v.Contains('\\', StringComparison.Ordinal)))
            throw new ArgumentException($"A value for {tag} contains the value delimiter '\\'.", nameof(values));
        return Set(tag, vr, string.Join('\\', list));
    }

    /// <summary>Sets one US value.</summary>
    public DicomDataset SetUInt16(DicomTag tag, ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        Put(new DicomElement(tag, DicomVR.US, bytes));
        return this;
    }

    /// <summary>Sets one UL value.</summary>
    public DicomDataset SetUInt32(DicomTag tag, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Put(new DicomElement(tag, DicomVR.UL, bytes));
        return this;
    }

    /// <summary>Sets an AT element with the given tags.</summary>
    public DicomDataset SetTags(DicomTag tag, IEnumerable<DicomTag> values)
    {
        var list = values.ToList();
        var bytes = new byte[list.Count * 4];
        for (var i = 0; i < list.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4), list[i].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 4 + 2), list[i].Element);
        }
        Put(new DicomElement(tag, DicomVR.AT, bytes));
        return this;
    }

    /// <summary>Sets raw value bytes (little endian for numbers); padded to even length with the VR's padding byte.</summary>
    public DicomDataset SetBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> value)
    {
        if ((value.Length & 1) == 1)
        {
            var padded = new byte[value.Length + 1];
            value.Span.CopyTo(padded);
            padded[^1] = vr.PaddingByte;
            value = padded;
        }
        Put(new DicomElement(tag, vr, value));
        return this;
    }

    /// <summary>
    /// Sets a sequence; the items become children of this dataset and inherit its character set (PS3.5 7.5.3).
    /// An item without its own (0008,0005) whose text was encoded in another character set (built detached,
    /// or moved from another dataset) is re-encoded into this one, all or nothing:
    /// <see cref="DicomEncodingException"/> when this character set cannot carry it.
    /// </summary>
    public DicomDataset SetSequence(DicomTag tag, IEnumerable<DicomDataset> items)
    {
        var element = DicomElement.Sequence(tag, items);
        var target = CharacterSet;
        var pending = new List<(DicomDataset Owner, DicomElement Replacement)>();
        foreach (var item in element.Items)
        {
            var current = item.CharacterSet;
            if (!item.Contains(DicomTags.SpecificCharacterSet) && !current.Equals(target))
                CollectTranscodes(item, current, target, pending, isRoot: true);
        }
        Put(element);
        foreach (var (owner, replacement) in pending) owner.Put(replacement);
        return this;
    }

    /// <summary>Sets a zero-length element (Type 2 "present but unknown"); an SQ gets no items.</summary>
    public DicomDataset SetEmpty(DicomTag tag, DicomVR vr)
    {
        Put(vr == DicomVR.SQ ? DicomElement.Sequence(tag, []) : new DicomElement(tag, vr, ReadOnlyMemory<byte>.Empty));
        return this;
    }

    /// <summary>Adds or replaces an element as is (no padding, no character set conversion).</summary>
    public DicomDataset Set(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        Put(element);
        return this;
    }

    public bool Remove(DicomTag tag)
    {
        var i = IndexOf(tag);
        if (i < 0) return false;
        _elements.RemoveAt(i);
        return true;
    }

    /// <summary>A deep copy: new datasets and sequences, shared (immutable) value bytes.</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset(_elements.Count, _detachedCharacterSet);
        foreach (var e in _elements)
        {
            if (e.IsSequence)
            {
                var items = new DicomDataset[e.Items.Count];
                for (var i = 0; i < items.Length; i++) items[i] = e.Items[i].Clone();
                copy.Put(DicomElement.SequenceNoCopy(e.Tag, items));
            }
            else
            {
                copy._elements.Add(e);
            }
        }
        return copy;
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"DicomDataset ({_elements.Count} elements)";

    /// <summary>Appends an element read from the wire; the parser hands them over sorted and without duplicates.</summary>
    internal void AddParsedInOrder(DicomElement element)
    {
        if (_elements.Count > 0 && _elements[^1].Tag >= element.Tag) throw new InvalidOperationException("Parsed elements must arrive in ascending order.");
        _elements.Add(element);
        if (element.IsSequence) AdoptItems(element);
    }

    private void Put(DicomElement element)
    {
        var i = IndexOf(element.Tag);
        if (i >= 0) _elements[i] = element;
        else _elements.Insert(~i, element);
        if (element.IsSequence) AdoptItems(element);
    }

    private void AdoptItems(DicomElement sequence)
    {
        foreach (var item in sequence.Items) item.Parent = this;
    }

    private int IndexOf(DicomTag tag)
    {
        // Binary search over the ordered list; returns ~insertionPoint when absent.
        var key = tag.Value;
        int lo = 0, hi = _elements.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var v = _elements[mid].Tag.Value;
            if (v == key) return mid;
            if (v < key) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }

    private byte[] EncodeValue(DicomTag tag, DicomVR vr, string value)
    {
        if (vr == DicomVR.SQ) throw new ArgumentException($"{tag}: use SetSequence for SQ.", nameof(vr));
        if (!vr.IsKnown) throw new ArgumentException($"{tag}: unknown VR.", nameof(vr));
        if (vr.ValueSize > 0) return ParseBinary(tag, vr, value);
        if (vr.IsBinary) throw new ArgumentException($"{tag}: {vr} holds bytes; use SetBytes.", nameof(vr));
        var cs = vr.IsCharacterSetSensitive ? CharacterSet : DicomCharacterSet.Default;
        var bytes = cs.Encode(value, vr);
        return PadEven(bytes, vr.PaddingByte);
    }

    private DicomDataset SetCharacterSetElement(DicomElement element)
    {
        var oldCs = CharacterSet;
        var newCs = DicomCharacterSet.Parse(DecodeAscii(element.Value.Span));
        if (oldCs.Equals(newCs))
        {
            Put(element);
            return this;
        }
        // Compute every re-encoded value first, so an unrepresentable character leaves the dataset untouched.
        var pending = new List<(DicomDataset Owner, DicomElement Replacement)>();
        CollectTranscodes(this, oldCs, newCs, pending, isRoot: true);
        Put(element);
        foreach (var (owner, replacement) in pending) owner.Put(replacement);
        return this;
    }

    private static void CollectTranscodes(
        DicomDataset ds, DicomCharacterSet oldCs, DicomCharacterSet newCs, List<(DicomDataset, DicomElement)> pending, bool isRoot)
    {
        // An item with its own (0008,0005) keeps its own character set (PS3.5 7.5.3).
        if (!isRoot && ds.Contains(DicomTags.SpecificCharacterSet)) return;
        foreach (var e in ds._elements)
        {
            if (e.IsSequence)
            {
                foreach (var item in e.Items) CollectTranscodes(item, oldCs, newCs, pending, isRoot: false);
                continue;
            }
            if (!e.VR.IsCharacterSetSensitive || IsPlainAscii(e.Value.Span)) continue;
            var text = oldCs.Decode(e.Value.Span, e.VR).TrimEnd(' ', '\0');
            pending.Add((ds, new DicomElement(e.Tag, e.VR, PadEven(newCs.Encode(text, e.VR), e.VR.PaddingByte))));
        }
    }

    private static bool IsPlainAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80 || b == 0x1B) return false;
        }
        return true;
    }

    internal static byte[] PadEven(byte[] bytes, byte pad)
    {
        if ((bytes.Length & 1) == 0) return bytes;
        var padded = new byte[bytes.Length + 1];
        bytes.CopyTo(padded, 0);
        padded[^1] = pad;
        return padded;
    }

    private string DecodeText(DicomElement e)
    {
        var span = e.Value.Span;
        // UN is decoded as text on request: an Implicit VR element we had no dictionary entry for.
        return e.VR.IsCharacterSetSensitive || e.VR == DicomVR.UN
            ? CharacterSet.Decode(span, e.VR == DicomVR.UN ? DicomVR.LO : e.VR)
            : DicomCharacterSet.Default.Decode(span, e.VR);
    }

    internal static string DecodeAscii(ReadOnlySpan<byte> bytes) => DicomCharacterSet.Default.Decode(bytes, DicomVR.CS);

    private static string TrimValue(DicomVR vr, string value)
    {
        // PS3.5 Table 6.2-1: trailing padding is never significant; leading spaces are not significant for these VRs.
        var trimmed = value.TrimEnd(' ', '\0');
        var code = vr.Code;
        return code is "AE" or "CS" or "DS" or "IS" or "LO" or "SH" or "UN" ? trimmed.TrimStart(' ') : trimmed;
    }

    private static string[] FormatBinary(DicomElement e)
    {
        var span = e.Value.Span;
        var size = e.VR.ValueSize;
        if (size == 0) return [];
        var result = new string[span.Length / size];
        var ci = CultureInfo.InvariantCulture;
        for (var i = 0; i < result.Length; i++)
        {
            var v = span.Slice(i * size, size);
            result[i] = e.VR.Code switch
            {
                "US" => BinaryPrimitives.ReadUInt16LittleEndian(v).ToString(ci),
                "SS" => BinaryPrimitives.ReadInt16LittleEndian(v).ToString(ci),
                "UL" => BinaryPrimitives.ReadUInt32LittleEndian(v).ToString(ci),
                "SL" => BinaryPrimitives.ReadInt32LittleEndian(v).ToString(ci),
                "FL" => BinaryPrimitives.ReadSingleLittleEndian(v).ToString("R", ci),
                "FD" => BinaryPrimitives.ReadDoubleLittleEndian(v).ToString("R", ci),
                "SV" => BinaryPrimitives.ReadInt64LittleEndian(v).ToString(ci),
                "UV" => BinaryPrimitives.ReadUInt64LittleEndian(v).ToString(ci),
                "AT" => new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(v), BinaryPrimitives.ReadUInt16LittleEndian(v[2..])).ToString(),
                _ => "",
            };
        }
        return result;
    }

    private static byte[] ParseBinary(DicomTag tag, DicomVR vr, string value)
    {
        if (value.Length == 0) return [];
        var parts = value.Split('\\');
        var size = vr.ValueSize;
        var bytes = new byte[parts.Length * size];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryWriteBinary(vr, parts[i].Trim(), bytes.AsSpan(i * size, size)))
                throw new ArgumentException($"{tag}: '{parts[i]}' is not a valid {vr} value.", nameof(value));
        }
        return bytes;
    }

    private static bool TryWriteBinary(DicomVR vr, string s, Span<byte> dest)
    {
        var ci = CultureInfo.InvariantCulture;
        const NumberStyles I = NumberStyles.Integer;
        const NumberStyles F = NumberStyles.Float;
        switch (vr.Code)
        {
            case "US" when ushort.TryParse(s, I, ci, out var us): BinaryPrimitives.WriteUInt16LittleEndian(dest, us); return true;
            case "SS" when short.TryParse(s, I, ci, out var ss): BinaryPrimitives.WriteInt16LittleEndian(dest, ss); return true;
            case "UL" when uint.TryParse(s, I, ci, out var ul): BinaryPrimitives.WriteUInt32LittleEndian(dest, ul); return true;
            case "SL" when int.TryParse(s, I, ci, out var sl): BinaryPrimitives.WriteInt32LittleEndian(dest, sl); return true;
            case "FL" when float.TryParse(s, F, ci, out var fl): BinaryPrimitives.WriteSingleLittleEndian(dest, fl); return true;
            case "FD" when double.TryParse(s, F, ci, out var fd): BinaryPrimitives.WriteDoubleLittleEndian(dest, fd); return true;
            case "SV" when long.TryParse(s, I, ci, out var sv): BinaryPrimitives.WriteInt64LittleEndian(dest, sv); return true;
            case "UV" when ulong.TryParse(s, I, ci, out var uv): BinaryPrimitives.WriteUInt64LittleEndian(dest, uv); return true;
            case "AT" when DicomTag.TryParse(s, out var at):
                BinaryPrimitives.WriteUInt16LittleEndian(dest, at.Group);
                BinaryPrimitives.WriteUInt16LittleEndian(dest[2..], at.Element);
                return true;
            default:
                return false;
        }
    }
}
