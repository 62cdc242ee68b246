using System.Buffers.Binary;

namespace ActorBroker.Dicom.Data;

/// <summary>
/// The Data Set decoder behind <see cref="DicomDatasetReader"/> and <see cref="DicomFile"/>. Works on one
/// buffer it may keep slices of; every length is checked against the bytes left before it is used, so a
/// hostile length can neither allocate nor index out of range.
/// </summary>
internal sealed class DicomParser
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private readonly ReadOnlyMemory<byte> _data;
    private readonly DicomReadOptions _options;
    private readonly int _maxDepth;

    public DicomParser(ReadOnlyMemory<byte> data, DicomReadOptions options)
    {
        _data = data;
        _options = options;
        _maxDepth = Math.Clamp(options.MaxDepth, 0, 256);
    }

    // PS3.5 7.1 Data Elements, 7.5 Nesting of Data Sets: elements until end (defined length) or until the
    // Item Delimitation Item (undefined-length item). With onlyGroup, stops before the first element of
    // another group (PS3.10 7.1 File Meta Information is group 0002 only).
    public void ReadDataset(ref int pos, int end, DicomDataset ds, bool explicitVr, int depth, bool untilItemDelimiter, ushort? onlyGroup = null)
    {
        var span = _data.Span;
        var parsed = new ParsedElements();
        while (pos < end)
        {
            if (end - pos < 4) throw Fail("truncated element header", pos, null);
            var tag = ReadTag(span, pos);
            if (onlyGroup is { } group && tag.Group != group)
            {
                parsed.CommitTo(ds);
                return;
            }
            if (tag.Group == 0xFFFE)
            {
                if (untilItemDelimiter && tag == DicomTags.ItemDelimitationItem)
                {
                    // PS3.5 7.5.2: the delimiter's length is 00000000H; a non-zero value is ignored, not trusted.
                    if (end - pos < 8) throw Fail("truncated Item Delimitation Item", pos, tag);
                    pos += 8;
                    parsed.CommitTo(ds);
                    return;
                }
                throw Fail("delimiter or item tag where a data element was expected", pos, tag);
            }
            var start = pos;
            var element = ReadElement(ref pos, end, explicitVr, depth);
            if (element is not null) parsed.Add(element, start);
        }
        if (untilItemDelimiter) throw Fail("undefined-length item ends without Item Delimitation Item", pos, null);
        parsed.CommitTo(ds);
    }

    // PS3.5 7.1.2 Data Element Structure with Explicit VR / 7.1.3 with Implicit VR.
    private DicomElement? ReadElement(ref int pos, int end, bool explicitVr, int depth)
    {
        var span = _data.Span;
        var start = pos;
        var tag = ReadTag(span, pos);
        DicomVR vr;
        uint length;
        if (explicitVr)
        {
            if (end - pos < 8) throw Fail("truncated explicit VR element header", start, tag);
            if (!DicomVR.TryParse(span[pos + 4], span[pos + 5], out vr))
                throw Fail($"invalid VR bytes {span[pos + 4]:X2}H {span[pos + 5]:X2}H", start, tag);
            if (vr.Is32BitLength)
            {
                if (end - pos < 12) throw Fail("truncated explicit VR element header", start, tag);
                length = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 8)..]);
                pos += 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(span[(pos + 6)..]);
                pos += 8;
            }
        }
        else
        {
            if (end - pos < 8) throw Fail("truncated implicit VR element header", start, tag);
            length = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
            pos += 8;
            // PS3.5 7.1.3: the VR comes from the dictionary; unknown tags are carried as UN.
            vr = DicomDictionary.Lookup(tag)?.Vr ?? DicomVR.UN;
        }

        DicomElement element;
        if (length == UndefinedLength)
        {
            if (vr == DicomVR.SQ || vr == DicomVR.UN)
            {
                // PS3.5 6.2.2: a UN value of undefined length is a sequence encoded in Implicit VR Little Endian
                // (and in Implicit VR, an unknown tag with undefined length can only be a sequence).
                var itemsExplicit = vr == DicomVR.SQ && explicitVr;
                var items = ReadSequence(ref pos, end, undefinedLength: true, itemsExplicit, depth + 1, tag);
                element = DicomElement.SequenceNoCopy(tag, items);
            }
            else if ((vr == DicomVR.OB || vr == DicomVR.OW) && tag == DicomTags.PixelData)
            {
                element = ReadEncapsulated(ref pos, end, tag, vr);
            }
            else
            {
                throw Fail($"undefined length (FFFFFFFFH) is not allowed for VR {vr}", start, tag);
            }
        }
        else
        {
            if (length > (uint)(end - pos))
                throw Fail($"value length {length} runs past the end ({end - pos} bytes left)", start, tag);
            if ((length & 1) == 1 && !_options.AllowOddLengths)
                throw Fail($"odd value length {length} (PS3.5 7.1.1 requires even lengths)", start, tag);
            var valueEnd = pos + (int)length;
            if (vr == DicomVR.SQ)
            {
                var items = ReadSequence(ref pos, valueEnd, undefinedLength: false, explicitVr, depth + 1, tag);
                element = DicomElement.SequenceNoCopy(tag, items);
            }
            else
            {
                element = new DicomElement(tag, vr, _data.Slice(pos, (int)length));
            }
            pos = valueEnd;
        }

        // Group lengths other than command (0000) and file meta (0002) are retired (PS3.5 7.2) and go stale as
        // soon as the dataset is edited: accept them, don't keep them.
        if (tag.IsGroupLength && tag.Group != 0x0000 && tag.Group != 0x0002) return null;
        return element;
    }

    // PS3.5 7.5.1 Item Encoding Rules, 7.5.2 Delimitation of the Sequence of Items.
    private DicomDataset[] ReadSequence(ref int pos, int end, bool undefinedLength, bool explicitVr, int depth, DicomTag sequenceTag)
    {
        if (depth > _maxDepth) throw Fail($"sequences nested deeper than {_maxDepth}", pos, sequenceTag);
        var span = _data.Span;
        var items = new List<DicomDataset>();
        while (true)
        {
            if (!undefinedLength && pos == end) break;
            var start = pos;
            if (end - pos < 8)
            {
                throw Fail(undefinedLength ? "sequence ends without Sequence Delimitation Item" : "truncated item header", start, sequenceTag);
            }
            var tag = ReadTag(span, pos);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
            if (tag == DicomTags.SequenceDelimitationItem)
            {
                if (!undefinedLength) throw Fail("Sequence Delimitation Item in a defined-length sequence", start, sequenceTag);
                pos += 8;
                break;
            }
            if (tag != DicomTags.Item) throw Fail($"expected Item (FFFE,E000), found {tag}", start, sequenceTag);
            pos += 8;
            var item = new DicomDataset();
            if (length == UndefinedLength)
            {
                ReadDataset(ref pos, end, item, explicitVr, depth, untilItemDelimiter: true);
            }
            else
            {
                if (length > (uint)(end - pos))
                    throw Fail($"item length {length} runs past the end ({end - pos} bytes left)", start, sequenceTag);
                if ((length & 1) == 1 && !_options.AllowOddLengths) throw Fail($"odd item length {length}", start, sequenceTag);
                var itemEnd = pos + (int)length;
                ReadDataset(ref pos, itemEnd, item, explicitVr, depth, untilItemDelimiter: false);
            }
            items.Add(item);
        }
        return items.ToArray();
    }

    // PS3.5 A.4 Transfer Syntaxes for Encapsulation of Encoded Pixel Data: fragments as items, then a
    // Sequence Delimitation Item. Kept raw; the broker forwards pixel data, it never decodes it.
    private DicomElement ReadEncapsulated(ref int pos, int end, DicomTag tag, DicomVR vr)
    {
        var span = _data.Span;
        var valueStart = pos;
        while (true)
        {
            if (end - pos < 8) throw Fail("encapsulated pixel data ends without Sequence Delimitation Item", pos, tag);
            var itemTag = ReadTag(span, pos);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
            if (itemTag == DicomTags.SequenceDelimitationItem)
            {
                var element = DicomElement.Encapsulated(tag, vr, _data.Slice(valueStart, pos - valueStart));
                pos += 8;
                return element;
            }
            if (itemTag != DicomTags.Item) throw Fail($"expected fragment Item (FFFE,E000), found {itemTag}", pos, tag);
            if (length > (uint)(end - pos - 8)) throw Fail($"fragment length {length} runs past the end", pos, tag);
            pos += 8 + (int)length;
        }
    }

    /// <summary>
    /// Elements of one dataset as read. PS3.5 7.1 requires ascending tags; out-of-order input is tolerated by one
    /// sort at the end (not an insert per element, which a hostile descending stream would make quadratic).
    /// </summary>
    private sealed class ParsedElements
    {
        private readonly List<(DicomElement Element, int Offset)> _items = [];
        private bool _sorted = true;

        public void Add(DicomElement element, int offset)
        {
            if (_items.Count > 0 && _items[^1].Element.Tag >= element.Tag) _sorted = false;
            _items.Add((element, offset));
        }

        public void CommitTo(DicomDataset ds)
        {
            if (!_sorted)
            {
                // List.Sort is unstable; the offset keeps equal tags in input order so the duplicate reported is the second one.
                _items.Sort((a, b) => a.Element.Tag != b.Element.Tag ? a.Element.Tag.CompareTo(b.Element.Tag) : a.Offset.CompareTo(b.Offset));
            }
            for (var i = 1; i < _items.Count; i++)
            {
                if (_items[i].Element.Tag == _items[i - 1].Element.Tag) throw Fail("duplicate data element", _items[i].Offset, _items[i].Element.Tag);
            }
            foreach (var (element, _) in _items) ds.AddParsedInOrder(element);
        }
    }

    private static DicomTag ReadTag(ReadOnlySpan<byte> span, int pos) =>
        new(BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]), BinaryPrimitives.ReadUInt16LittleEndian(span[(pos + 2)..]));

    private static DicomFormatException Fail(string reason, int offset, DicomTag? tag) => new(reason, offset, tag);
}
