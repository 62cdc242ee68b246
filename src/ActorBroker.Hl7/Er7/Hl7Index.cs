using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ActorBroker.Hl7;

/// <summary>
/// The low-level ER7 reader: indexes a message in one pass over its bytes, recording where each
/// segment and each field starts, and nothing else. Components, repetitions, escapes and the
/// character set are only dealt with when a value is read. An instance is reusable: once its
/// buffers have grown to the size of the messages seen, <see cref="TryIndex"/> allocates nothing.
/// The index holds offsets, not the bytes: pass the same bytes to the accessors.
/// Segment terminators CR, LF and CRLF are all accepted (blank lines are skipped), as is a last
/// segment without a terminator.
/// </summary>
// HL7 2.5.1 ch. 2.5-2.7: message construction rules (segments, fields, delimiters); ch. 2.15.9 MSH
public sealed class Hl7Index : IDisposable
{
    /// <summary>Ints per segment in the segment table: start, end (exclusive), first element, element count, packed id.</summary>
    private const int Stride = 5;
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private readonly bool _pooled;
    private int[] _segments;
    private int[] _elements;
    private int _elementCount;

    /// <summary>A reusable index whose buffers come from <see cref="ArrayPool{T}.Shared"/> (returned on dispose).</summary>
    public Hl7Index()
        : this(16, 256)
    {
    }

    /// <summary>A reusable index with pre-sized pooled buffers.</summary>
    public Hl7Index(int expectedSegments, int expectedFields)
    {
        _pooled = true;
        _segments = ArrayPool<int>.Shared.Rent(Math.Max(1, expectedSegments) * Stride);
        _elements = ArrayPool<int>.Shared.Rent(Math.Max(4, expectedFields));
    }

    private Hl7Index(int[] segments, int[] elements, int segmentCount, int elementCount, Hl7Delimiters delimiters)
    {
        _segments = segments;
        _elements = elements;
        SegmentCount = segmentCount;
        _elementCount = elementCount;
        Delimiters = delimiters;
    }

    /// <summary>Segments found by the last successful <see cref="TryIndex"/>.</summary>
    public int SegmentCount { get; private set; }

    /// <summary>Delimiters declared by MSH-1/MSH-2 of the last indexed message.</summary>
    public Hl7Delimiters Delimiters { get; private set; }

    /// <summary>Why the last <see cref="TryIndex"/> failed.</summary>
    public Hl7IndexError Error { get; private set; }

    /// <summary>Indexes <paramref name="message"/>. False when it is not an ER7 message starting with MSH.</summary>
    public bool TryIndex(ReadOnlySpan<byte> message)
    {
        SegmentCount = 0;
        _elementCount = 0;
        Error = Hl7IndexError.None;

        var p = 0;
        if (message.Length >= 3 && message[0] == 0xEF && message[1] == 0xBB && message[2] == 0xBF)
        {
            p = 3; // a UTF-8 BOM some senders put in front
        }

        while (p < message.Length && message[p] is Cr or Lf or (byte)' ' or (byte)'\t')
        {
            p++;
        }

        if (p == message.Length)
        {
            Error = Hl7IndexError.Empty;
            return false;
        }

        if (message.Length - p < 5 || message[p] != 'M' || message[p + 1] != 'S' || message[p + 2] != 'H')
        {
            Error = Hl7IndexError.NoMsh;
            return false;
        }

        if (!TryReadDelimiters(message, p, out var delimiters))
        {
            Error = Hl7IndexError.BadEncodingCharacters;
            return false;
        }

        Delimiters = delimiters;
        Scan(message, p, (byte)delimiters.Field);
        return true;
    }

    /// <summary>
    /// The one pass: finds every field separator and segment terminator, 32 (or 16) bytes at a
    /// time with SIMD compares where the hardware has them, and records offsets as it goes.
    /// </summary>
    private void Scan(ReadOnlySpan<byte> message, int start, byte fs)
    {
        var inSegment = true;
        var nextStart = start;
        BeginSegment(start);
        ref var origin = ref MemoryMarshal.GetReference(message);
        var i = start;
        var length = message.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            var vf = Vector256.Create(fs);
            var vc = Vector256.Create(Cr);
            var vl = Vector256.Create(Lf);
            for (; i <= length - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var mask = (Vector256.Equals(v, vf) | Vector256.Equals(v, vc) | Vector256.Equals(v, vl)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    Hit(message, i + BitOperations.TrailingZeroCount(mask), fs, ref inSegment, ref nextStart);
                    mask &= mask - 1;
                }
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var vf = Vector128.Create(fs);
            var vc = Vector128.Create(Cr);
            var vl = Vector128.Create(Lf);
            for (; i <= length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref origin, (nuint)i);
                var mask = (Vector128.Equals(v, vf) | Vector128.Equals(v, vc) | Vector128.Equals(v, vl)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    Hit(message, i + BitOperations.TrailingZeroCount(mask), fs, ref inSegment, ref nextStart);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < length; i++)
        {
            var b = message[i];
            if (b == fs || b == Cr || b == Lf)
            {
                Hit(message, i, fs, ref inSegment, ref nextStart);
            }
        }

        if (inSegment)
        {
            EndSegment(message, length); // a last segment without terminator
        }
        else if (nextStart < length)
        {
            BeginSegment(nextStart);
            EndSegment(message, length);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Hit(ReadOnlySpan<byte> message, int position, byte fs, ref bool inSegment, ref int nextStart)
    {
        if (message[position] == fs)
        {
            if (!inSegment)
            {
                BeginSegment(nextStart);
                inSegment = true;
            }

            AddElement(position + 1);
            return;
        }

        // CR or LF: ends the segment in progress; a run of them (CRLF, blank lines) ends nothing more.
        if (inSegment)
        {
            EndSegment(message, position);
            inSegment = false;
        }
        else if (nextStart < position)
        {
            BeginSegment(nextStart); // a segment with an id and no field separator at all
            EndSegment(message, position);
        }

        nextStart = position + 1;
    }

    /// <summary>Byte offset where segment <paramref name="segment"/> (0-based) starts.</summary>
    public int SegmentStart(int segment) => _segments[CheckSegment(segment) * Stride];

    /// <summary>Byte offset just past segment <paramref name="segment"/> (its terminator excluded).</summary>
    public int SegmentEnd(int segment) => _segments[(CheckSegment(segment) * Stride) + 1];

    /// <summary>The segment id bytes (normally 3 ASCII characters).</summary>
    public ReadOnlySpan<byte> SegmentId(ReadOnlySpan<byte> message, int segment)
    {
        var (start, end) = ElementRange(segment, 0);
        return message[start..end];
    }

    /// <summary>The segment id packed as b0 | b1 &lt;&lt; 8 | b2 &lt;&lt; 16 for 3-character ids, else -1.</summary>
    public int PackedId(int segment) => _segments[(CheckSegment(segment) * Stride) + 4];

    /// <summary>
    /// Number of fields in the segment, numbered as the standard does (for MSH, MSH-1 is the field
    /// separator itself, so MSH has one more field than it has separators after the id).
    /// </summary>
    public int FieldCount(int segment)
    {
        var b = CheckSegment(segment) * Stride;
        var elements = _segments[b + 3];
        return _segments[b + 4] == PackedMsh ? elements : elements - 1;
    }

    /// <summary>
    /// The raw bytes of field <paramref name="field"/> (all repetitions, escapes untouched), or an
    /// empty span when the segment is shorter. MSH-1 is the field separator byte.
    /// </summary>
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> message, int segment, int field)
    {
        var (start, end) = FieldRange(segment, field);
        return message[start..end];
    }

    /// <summary>Start (inclusive) and end (exclusive) byte offsets of a field; (0, 0) when absent.</summary>
    public (int Start, int End) FieldRange(int segment, int field)
    {
        var b = CheckSegment(segment) * Stride;
        if (field <= 0)
        {
            return (0, 0);
        }

        var element = field;
        if (_segments[b + 4] == PackedMsh)
        {
            if (field == 1)
            {
                var separator = _segments[b] + 3;
                return (separator, separator + 1);
            }

            element = field - 1;
        }

        return element < _segments[b + 3] ? ElementRange(segment, element) : (0, 0);
    }

    /// <summary>The 0-based index of the <paramref name="occurrence"/>-th segment with this id, or -1.</summary>
    public int FindSegment(ReadOnlySpan<byte> message, ReadOnlySpan<char> segmentId, int occurrence = 1)
    {
        var packed = Pack(segmentId);
        var seen = 0;
        for (var s = 0; s < SegmentCount; s++)
        {
            var match = packed >= 0
                ? _segments[(s * Stride) + 4] == packed
                : Matches(SegmentId(message, s), segmentId);
            if (match && ++seen == occurrence)
            {
                return s;
            }
        }

        return -1;
    }

    /// <summary>An exact-size, unpooled copy that can outlive this reusable index.</summary>
    public Hl7Index Snapshot() =>
        new(_segments.AsSpan(0, SegmentCount * Stride).ToArray(), _elements.AsSpan(0, _elementCount).ToArray(), SegmentCount, _elementCount, Delimiters);

    public void Dispose()
    {
        if (_pooled && _segments.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_segments);
            ArrayPool<int>.Shared.Return(_elements);
            _segments = [];
            _elements = [];
            SegmentCount = 0;
        }
    }

    internal const int PackedMsh = 'M' | ('S' << 8) | ('H' << 16);

    internal static int Pack(ReadOnlySpan<char> id) =>
        id.Length == 3 && id[0] < 128 && id[1] < 128 && id[2] < 128 ? id[0] | (id[1] << 8) | (id[2] << 16) : -1;

    private static bool Matches(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> id)
    {
        if (bytes.Length != id.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != id[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadDelimiters(ReadOnlySpan<byte> message, int msh, out Hl7Delimiters delimiters)
    {
        delimiters = default;
        var fs = message[msh + 3];
        if (!IsDelimiterCandidate(fs))
        {
            return false;
        }

        var start = msh + 4;
        var end = start;
        while (end < message.Length && message[end] != fs && message[end] is not (Cr or Lf))
        {
            end++;
        }

        var encoding = message[start..end];
        if (encoding.Length is < 1 or > 5)
        {
            return false;
        }

        for (var i = 0; i < encoding.Length; i++)
        {
            if (!IsDelimiterCandidate(encoding[i]) || encoding[i] == fs || encoding[(i + 1)..].Contains(encoding[i]))
            {
                return false;
            }
        }

        Span<char> c = stackalloc char[5];
        for (var i = 0; i < 5; i++)
        {
            c[i] = i < encoding.Length ? (char)encoding[i] : '\0';
        }

        delimiters = new Hl7Delimiters((char)fs, c[0], c[1], c[2], c[3], encoding.Length == 5 ? c[4] : null);
        return true;
    }

    // A delimiter must be a printable ASCII punctuation-like byte: letters and digits would make the
    // segment id ambiguous, and control bytes are segment terminators or framing.
    private static bool IsDelimiterCandidate(byte b) =>
        b is > 0x20 and < 0x7F && !char.IsAsciiLetterOrDigit((char)b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Start, int End) ElementRange(int segment, int element)
    {
        var b = segment * Stride;
        var first = _segments[b + 2];
        var start = _elements[first + element];
        var end = element + 1 < _segments[b + 3] ? _elements[first + element + 1] - 1 : _segments[b + 1];
        return (start, end);
    }

    private int CheckSegment(int segment)
    {
        if ((uint)segment >= (uint)SegmentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(segment), segment, $"the message has {SegmentCount} segments");
        }

        return segment;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginSegment(int start)
    {
        var b = SegmentCount * Stride;
        if (b + Stride > _segments.Length)
        {
            Grow(ref _segments, b + Stride);
        }

        _segments[b] = start;
        _segments[b + 2] = _elementCount;
        AddElement(start);
    }

    private void EndSegment(ReadOnlySpan<byte> message, int end)
    {
        var b = SegmentCount * Stride;
        var first = _segments[b + 2];
        var elements = _elementCount - first;
        var start = _segments[b];
        if (elements == 1 && message[start..end].IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
        {
            _elementCount = first; // a line of blanks between or after segments is not a segment
            return;
        }

        _segments[b + 1] = end;
        _segments[b + 3] = elements;
        var idEnd = elements > 1 ? _elements[first + 1] - 1 : end;
        _segments[b + 4] = idEnd - start == 3 && message[start] < 128 && message[start + 1] < 128 && message[start + 2] < 128
            ? message[start] | (message[start + 1] << 8) | (message[start + 2] << 16)
            : -1;
        SegmentCount++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddElement(int start)
    {
        if (_elementCount == _elements.Length)
        {
            Grow(ref _elements, _elementCount + 1);
        }

        _elements[_elementCount++] = start;
    }

    private void Grow(ref int[] array, int needed)
    {
        var bigger = _pooled ? ArrayPool<int>.Shared.Rent(Math.Max(needed, array.Length * 2)) : new int[Math.Max(needed, array.Length * 2)];
        array.AsSpan().CopyTo(bigger);
        if (_pooled && array.Length > 0)
        {
            ArrayPool<int>.Shared.Return(array);
        }

        array = bigger;
    }
}
