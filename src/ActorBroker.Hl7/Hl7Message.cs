using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorBroker.Hl7;

/// <summary>
/// A parsed HL7 v2 ER7 message: the raw bytes plus a one-pass index of segment and field offsets.
/// Nothing is decoded until read; every read decodes the charset and escape sequences of just
/// that value. Version-agnostic: there is no per-version model, only segments, fields and
/// components, plus typed views for the segments the broker uses.
/// </summary>
// HL7 2.5.1 ch. 2.5-2.7: message construction rules; ch. 2.15.9: MSH
public sealed class Hl7Message
{
    // Interned ids of the common segments: reading .Id on them allocates nothing.
    private static readonly Dictionary<int, string> s_knownIds =
        new[] { "MSH", "PID", "PV1", "PV2", "ORC", "OBR", "OBX", "TQ1", "IPC", "NTE", "ZDS", "MRG", "EVN", "MSA", "ERR", "AL1", "DG1", "IN1", "GT1", "PD1", "NK1", "SFT" }
            .ToDictionary(id => Hl7Index.Pack(id));

    [ThreadStatic]
    private static Hl7Index? t_scanner;

    private readonly Hl7Index _index;
    private readonly int[] _occurrences;
    private string?[]? _ids;

    private Hl7Message(ReadOnlyMemory<byte> raw, Hl7Index index, Encoding encoding, string? characterSet)
    {
        Raw = raw;
        _index = index;
        TextEncoding = encoding;
        CharacterSet = characterSet;
        _occurrences = ComputeOccurrences(index);
    }

    /// <summary>The bytes as received (not copied: do not reuse the buffer while the message is in use).</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>Delimiters from MSH-1/MSH-2.</summary>
    public Hl7Delimiters Delimiters => _index.Delimiters;

    /// <summary>The encoding values are decoded with (MSH-18, or sniffed when MSH-18 is absent, see <see cref="Hl7Charsets.ResolveForMessage"/>).</summary>
    public Encoding TextEncoding { get; }

    /// <summary>MSH-18 (first repetition) as sent; null when absent.</summary>
    public string? CharacterSet { get; }

    public int SegmentCount => _index.SegmentCount;

    public Hl7Segment this[int index]
    {
        get
        {
            if ((uint)index >= (uint)SegmentCount)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the message has {SegmentCount} segments");
            }

            return new Hl7Segment(this, index);
        }
    }

    public IEnumerable<Hl7Segment> Segments
    {
        get
        {
            for (var i = 0; i < SegmentCount; i++)
            {
                yield return new Hl7Segment(this, i);
            }
        }
    }

    /// <summary>The MSH segment as a typed view.</summary>
    public Msh Msh => new(this[0]);

    /// <summary>MSH-9.1, e.g. ORM.</summary>
    public string MessageType => this[0].Get(9, 1);

    /// <summary>MSH-9.2, e.g. O01.</summary>
    public string TriggerEvent => this[0].Get(9, 2);

    /// <summary>MSH-10.</summary>
    public string MessageControlId => this[0].Get(10);

    /// <summary>MSH-12.1, e.g. 2.5.1.</summary>
    public string Version => this[0].Get(12, 1);

    /// <summary>MSH-11.1: P, D or T.</summary>
    public string ProcessingId => this[0].Get(11, 1);

    internal Hl7Index Index => _index;

    /// <summary>
    /// Parses (indexes) a message. Throws <see cref="Hl7Exception"/>: AR when the bytes are not an
    /// HL7 v2 message (no MSH first, unusable MSH-2), AE TableValueNotFound naming MSH-18 for an
    /// unknown character set.
    /// </summary>
    public static Hl7Message Parse(ReadOnlyMemory<byte> raw)
    {
        var scanner = t_scanner ??= new Hl7Index();
        if (!scanner.TryIndex(raw.Span))
        {
            throw NotHl7(scanner.Error, raw.Span);
        }

        var index = scanner.Snapshot();
        var msh18 = Er7Text.Piece(Er7Text.Piece(index.Field(raw.Span, 0, 18), index.Delimiters.Repetition, 1), index.Delimiters.Component, 1);
        var characterSet = msh18.IsEmpty ? null : Encoding.Latin1.GetString(msh18);
        var encoding = Hl7Charsets.ResolveForMessage(characterSet, raw.Span);
        return new Hl7Message(raw, index, encoding, characterSet);
    }

    /// <summary>Parses a message given as text (encoded as UTF-8 first; convenient for tests and tools).</summary>
    public static Hl7Message Parse(string er7)
    {
        ArgumentNullException.ThrowIfNull(er7);
        return Parse(Hl7Charsets.Utf8.GetBytes(er7));
    }

    /// <summary>Like <see cref="Parse(ReadOnlyMemory{byte})"/> without throwing.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> raw, [NotNullWhen(true)] out Hl7Message? message, [NotNullWhen(false)] out Hl7Exception? error)
    {
        try
        {
            message = Parse(raw);
            error = null;
            return true;
        }
        catch (Hl7Exception e)
        {
            message = null;
            error = e;
            return false;
        }
    }

    /// <summary>The <paramref name="occurrence"/>-th (1-based) segment with this id, or null.</summary>
    public Hl7Segment? Find(string segmentId, int occurrence = 1)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        var i = _index.FindSegment(Raw.Span, segmentId, occurrence);
        return i < 0 ? null : new Hl7Segment(this, i);
    }

    /// <summary>Every segment with this id, in message order.</summary>
    public IEnumerable<Hl7Segment> All(string segmentId)
    {
        ArgumentNullException.ThrowIfNull(segmentId);
        var packed = Hl7Index.Pack(segmentId);
        for (var i = 0; i < SegmentCount; i++)
        {
            if (packed >= 0 ? _index.PackedId(i) == packed : SegmentIdAt(i) == segmentId)
            {
                yield return new Hl7Segment(this, i);
            }
        }
    }

    /// <summary>The message as text (segments separated by CR), decoded with <see cref="TextEncoding"/>, escapes untouched.</summary>
    public override string ToString() => TextEncoding.GetString(Raw.Span);

    internal string SegmentIdAt(int index)
    {
        var packed = _index.PackedId(index);
        var known = KnownId(packed);
        if (known is not null)
        {
            return known;
        }

        _ids ??= new string?[SegmentCount];
        return _ids[index] ??= Encoding.Latin1.GetString(_index.SegmentId(Raw.Span, index));
    }

    internal int OccurrenceAt(int index) => _occurrences[index];

    private static Hl7Exception NotHl7(Hl7IndexError error, ReadOnlySpan<byte> raw)
    {
        var head = raw[..Math.Min(raw.Length, 3)];
        var message = error switch
        {
            Hl7IndexError.Empty => "Not an HL7 v2 message: the frame is empty",
            Hl7IndexError.BadEncodingCharacters => "Not a usable HL7 v2 message: MSH-1/MSH-2 do not declare valid, distinct delimiters",
            _ => $"Not an HL7 v2 message: it must start with an MSH segment (starts with '{Encoding.Latin1.GetString(head)}')",
        };
        var location = error == Hl7IndexError.BadEncodingCharacters ? new Hl7Location("MSH", 1, 2) : (Hl7Location?)null;
        var code = error == Hl7IndexError.BadEncodingCharacters ? Hl7ErrorCode.DataTypeError : Hl7ErrorCode.SegmentSequenceError;
        return new Hl7Exception(new Hl7Error(code, location, message), AckCode.AR);
    }

    private static int[] ComputeOccurrences(Hl7Index index)
    {
        var count = index.SegmentCount;
        var occurrences = new int[count];
        for (var i = 0; i < count; i++)
        {
            var packed = index.PackedId(i);
            var n = 1;
            // Quadratic, but messages have tens of segments; a report with thousands of OBX still
            // costs well under a millisecond here, once per parse.
            for (var j = i - 1; j >= 0; j--)
            {
                if (index.PackedId(j) == packed)
                {
                    n = occurrences[j] + 1;
                    break;
                }
            }

            occurrences[i] = n;
        }

        return occurrences;
    }

    private static string? KnownId(int packed) => s_knownIds.GetValueOrDefault(packed);
}
