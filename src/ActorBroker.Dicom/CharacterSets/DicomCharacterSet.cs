using System.Diagnostics.CodeAnalysis;
using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// The character set(s) named by Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2, PS3.5 6.1): decodes and
/// encodes the values of the VRs it applies to (SH, LO, ST, LT, UC, UT, PN). Single-byte sets, ISO_IR 192,
/// GB18030 and GBK, and ISO 2022 code extensions (escape sequences) in both directions.
/// Decoding is lenient (undecodable bytes become U+FFFD, 80H-FFH in the default repertoire read as Latin-1);
/// encoding is strict (<see cref="DicomEncodingException"/>, never '?' or best-fit bytes).
/// </summary>
public sealed class DicomCharacterSet : IEquatable<DicomCharacterSet>
{
    private readonly CharacterSetTerm[] _terms;
    private readonly Encoding? _whole;
    private readonly Encoding? _wholeStrict;
    private readonly GraphicSet _initialG0;
    private readonly GraphicSet? _initialG1;

    private DicomCharacterSet(IReadOnlyList<string> definedTerms, CharacterSetTerm[] terms, IReadOnlyList<string> unknown)
    {
        DefinedTerms = definedTerms;
        _terms = terms;
        UnknownTerms = unknown;
        var first = terms[0];
        if (first.WholeCodePage != 0)
        {
            _whole = first.WholeCodePage == 65001 ? new UTF8Encoding(false, false) : DicomEncodings.Lenient(first.WholeCodePage);
            _wholeStrict = first.WholeCodePage == 65001 ? new UTF8Encoding(false, true) : DicomEncodings.Strict(first.WholeCodePage);
        }
        // Value 1 must be a single-byte set (PS3.3 C.12.1.1.2); a multi-byte one there is read as if value 1 were
        // empty (ASCII in G0) with that set reachable by its escape sequence.
        _initialG0 = first.G0 is { IsMultiByte: false } g0 ? g0 : GraphicSet.Ascii;
        _initialG1 = first.G1;
    }

    /// <summary>The default repertoire (no (0008,0005), or an empty value): ASCII.</summary>
    public static DicomCharacterSet Default { get; } = Parse(null);

    /// <summary>ISO_IR 100, Latin alphabet No. 1.</summary>
    public static DicomCharacterSet Latin1 { get; } = Parse("ISO_IR 100");

    /// <summary>ISO_IR 192, Unicode in UTF-8.</summary>
    public static DicomCharacterSet Utf8 { get; } = Parse("ISO_IR 192");

    /// <summary>The values of (0008,0005) as given (trimmed); value 1 may be empty (default repertoire).</summary>
    public IReadOnlyList<string> DefinedTerms { get; }

    /// <summary>Values this library does not know; they are ignored (their bytes decode leniently).</summary>
    public IReadOnlyList<string> UnknownTerms { get; }

    /// <summary>The (0008,0005) value to write: the defined terms joined by backslash ("" for the default repertoire).</summary>
    public string SpecificCharacterSet => string.Join('\\', DefinedTerms);

    /// <summary>True for the default repertoire (ASCII only when encoding).</summary>
    public bool IsDefaultRepertoire => _terms.Length == 1 && _terms[0].G0 == GraphicSet.Ascii && _terms[0].G1 is null;

    /// <summary>True when the value uses ISO 2022 code extensions (escape sequences).</summary>
    public bool HasCodeExtensions => _terms.Any(t => t.IsCodeExtension);

    /// <summary>
    /// Parses a (0008,0005) value, e.g. "ISO_IR 100" or "\ISO 2022 IR 87" (backslash-separated). Lenient: unknown
    /// terms land in <see cref="UnknownTerms"/> and are skipped (an unknown value 1 means the default repertoire);
    /// ISO_IR 192, GB18030 and GBK cannot be combined with others (PS3.3 C.12.1.1.2), so after value 1 they
    /// are ignored as unknown, and as value 1 they make the other values ignored.
    /// </summary>
    // PS3.3 C.12.1.1.2 Specific Character Set; PS3.5 6.1.2.5 code extensions.
    public static DicomCharacterSet Parse(string? value)
    {
        var raw = (value ?? "").Split('\\').Select(v => v.Trim(' ', '\0')).ToList();
        while (raw.Count > 1 && raw[^1].Length == 0) raw.RemoveAt(raw.Count - 1);
        var terms = new List<CharacterSetTerm>();
        var unknown = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var term = CharacterSetTerm.Find(raw[i]);
            if (term is null || (i > 0 && (term.WholeCodePage != 0 || terms[0].WholeCodePage != 0)))
            {
                unknown.Add(raw[i]);
                if (i == 0) terms.Add(CharacterSetTerm.Default);
                continue;
            }
            terms.Add(term);
        }
        return new DicomCharacterSet(raw, terms.ToArray(), unknown);
    }

    /// <summary>Decodes a value of <paramref name="vr"/> (the VR decides which delimiters reset ISO 2022 state). Padding is kept.</summary>
    public string Decode(ReadOnlySpan<byte> bytes, DicomVR vr)
    {
        if (bytes.IsEmpty) return "";
        if (_whole is not null) return _whole.GetString(bytes);
        if (IsDefaultRepertoire && bytes.IndexOf((byte)0x1B) < 0)
            return Encoding.Latin1.GetString(bytes); // ASCII, with 80H-FFH read leniently as Latin-1
        return Iso2022Codec.Decode(bytes, _initialG0, _initialG1, _terms, vr);
    }

    /// <summary>Encodes text of <paramref name="vr"/>; throws <see cref="DicomEncodingException"/> for an unrepresentable character. No padding is added.</summary>
    public byte[] Encode(string text, DicomVR vr)
    {
        if (TryEncode(text, vr, out var bytes, out var failedIndex)) return bytes;
        throw new DicomEncodingException(text, failedIndex, SpecificCharacterSet.Length == 0 ? "(default repertoire)" : SpecificCharacterSet);
    }

    public bool TryEncode(string text, DicomVR vr, [NotNullWhen(true)] out byte[]? bytes)
    {
        if (TryEncode(text, vr, out var b, out _))
        {
            bytes = b;
            return true;
        }
        bytes = null;
        return false;
    }

    /// <summary>True when every character of <paramref name="text"/> can be encoded (as LO, or as <paramref name="vr"/>).</summary>
    public bool CanEncode(string text, DicomVR? vr = null) => TryEncode(text, vr ?? DicomVR.LO, out _, out _);

    private bool TryEncode(string text, DicomVR vr, out byte[] bytes, out int failedIndex)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_wholeStrict is not null)
        {
            try
            {
                bytes = _wholeStrict.GetBytes(text);
                failedIndex = -1;
                return true;
            }
            catch (EncoderFallbackException ex)
            {
                bytes = [];
                failedIndex = Math.Max(0, ex.Index);
                return false;
            }
        }
        return Iso2022Codec.TryEncode(text, _initialG0, _initialG1, _terms, vr, out bytes, out failedIndex);
    }

    public bool Equals(DicomCharacterSet? other) =>
        other is not null && Normalized().SequenceEqual(other.Normalized(), StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DicomCharacterSet);

    public override int GetHashCode() => string.Join('\\', Normalized()).GetHashCode(StringComparison.Ordinal);

    public override string ToString() => SpecificCharacterSet.Length == 0 ? "(default repertoire)" : SpecificCharacterSet;

    // "ISO_IR 6" and "" both mean the default repertoire for value 1.
    private IEnumerable<string> Normalized() =>
        _terms.Select((t, i) => i == 0 && t.DefinedTerm == "ISO_IR 6" ? "" : t.DefinedTerm);
}
