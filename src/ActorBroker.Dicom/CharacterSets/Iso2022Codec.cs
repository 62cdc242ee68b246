using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// Decoder and encoder for the ISO 2022 model DICOM uses for every character set except ISO_IR 192, GB18030
/// and GBK: G0 (bytes 21H-7EH) and G1 (A0H-FFH) sets, switched by escape sequences (PS3.5 6.1.2.5), with the
/// initial sets of value 1 of (0008,0005) restored at control characters (PS3.5 6.1.3), at the value
/// delimiter '\' and, in PN, at the '^' and '=' delimiters (PS3.5 6.1.2.5.3).
/// </summary>
internal static class Iso2022Codec
{
    private const byte Esc = 0x1B;

    private static readonly GraphicSet[] Designations =
        [GraphicSet.Ascii, GraphicSet.Romaji, GraphicSet.Katakana, GraphicSet.JisX0208, GraphicSet.JisX0212, GraphicSet.KsX1001, GraphicSet.Gb2312];

    // PS3.5 6.1.2.5 Use of Escape Sequences; 6.1.3 Control Characters.
    public static string Decode(ReadOnlySpan<byte> bytes, GraphicSet initialG0, GraphicSet? initialG1, IReadOnlyList<CharacterSetTerm> terms, DicomVR vr)
    {
        var sb = new StringBuilder(bytes.Length);
        var g0 = initialG0;
        var g1 = initialG1;
        var pn = vr.IsPersonName;
        var multiValued = vr.IsMultiValueString;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == Esc)
            {
                // Any known designation is honoured, declared in (0008,0005) or not: misdeclared data decodes
                // better that way, and a declared set never decodes differently.
                if (TryMatchEscape(bytes[i..], terms, out var set, out var length))
                {
                    if (set.IsG1) g1 = set;
                    else g0 = set;
                    i += length;
                }
                else
                {
                    sb.Append('\uFFFD');
                    i++;
                }
                continue;
            }
            if (b < 0x20 || b == 0x7F)
            {
                sb.Append((char)b);
                g0 = initialG0;
                g1 = initialG1;
                i++;
                continue;
            }
            if (b < 0x80)
            {
                if (g0.IsMultiByte && b != 0x20)
                {
                    if (i + 1 < bytes.Length && b is >= 0x21 and <= 0x7E && bytes[i + 1] is >= 0x21 and <= 0x7E)
                    {
                        sb.Append(g0.DecodePair(b, bytes[i + 1]));
                        i += 2;
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                        i++;
                    }
                    continue;
                }
                // JIS X 0201 Romaji is read as ASCII: its two differences (5CH yen, 7EH overline) would turn
                // the value delimiter into a yen sign, and every known encoder means ASCII here.
                sb.Append((char)b);
                if ((multiValued && b == (byte)'\\') || (pn && (b == (byte)'^' || b == (byte)'=')))
                {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
                continue;
            }
            if (g1 is null)
            {
                // No G1 set in force (default repertoire): read the byte as Latin-1 rather than fail; documented leniency.
                sb.Append((char)b);
                i++;
                continue;
            }
            if (g1.IsMultiByte)
            {
                if (i + 1 < bytes.Length && b is >= 0xA1 and <= 0xFE && bytes[i + 1] is >= 0xA1 and <= 0xFE)
                {
                    sb.Append(g1.DecodePair(b, bytes[i + 1]));
                    i += 2;
                }
                else
                {
                    sb.Append('\uFFFD');
                    i++;
                }
                continue;
            }
            sb.Append(g1.DecodeHigh(b));
            i++;
        }
        return sb.ToString();
    }

    /// <summary>
    /// Encodes with the sets of <paramref name="terms"/> (value 1 first): each non-ASCII character goes to the set
    /// in force if it has it, else to the first term's set that has it, designated by its escape sequence. The
    /// initial sets are restored before every delimiter and at the end of the value (PS3.5 6.1.2.5.3). In PN the
    /// first (alphabetic) component group takes no escape sequences: it is written in the sets of value 1 only,
    /// as dcmtk enforces and the PS3.5 H/I/K examples show; a character outside them there is unencodable.
    /// </summary>
    public static bool TryEncode(string text, GraphicSet initialG0, GraphicSet? initialG1, IReadOnlyList<CharacterSetTerm> terms,
        DicomVR vr, out byte[] result, out int failedIndex)
    {
        var output = new List<byte>(text.Length + 8);
        var g0 = initialG0;
        var g1 = initialG1;
        var pn = vr.IsPersonName;
        var multiValued = vr.IsMultiValueString;
        var alphabeticGroup = pn;
        Span<byte> buf = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (pn && c == '=') alphabeticGroup = false;
                if (multiValued && c == '\\') alphabeticGroup = pn;
                var delimiter = c < 0x20 || c == 0x7F || (multiValued && c == '\\') || (pn && (c == '^' || c == '='));
                if (delimiter)
                {
                    RestoreInitial(output, ref g0, ref g1, initialG0, initialG1);
                    output.Add((byte)c);
                    g0 = initialG0;
                    g1 = initialG1;
                    continue;
                }
                if (g0.IsMultiByte && c != ' ')
                {
                    var single = initialG0.IsMultiByte ? GraphicSet.Ascii : initialG0;
                    output.AddRange(single.Escape);
                    g0 = single;
                }
                output.Add((byte)c);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                result = [];
                failedIndex = i;
                return false;
            }
            if (TryEncodeIn(g1, c, buf, out var n) || TryEncodeIn(g0.IsMultiByte ? g0 : null, c, buf, out n))
            {
                Append(output, buf[..n]);
                continue;
            }
            var found = false;
            foreach (var term in alphabeticGroup ? [] : terms)
            {
                foreach (var set in new[] { term.G1, term.G0 })
                {
                    if (set is null || set.Kind is GraphicSetKind.Ascii or GraphicSetKind.Romaji) continue;
                    if (!set.TryEncode(c, buf, out n)) continue;
                    output.AddRange(set.Escape);
                    if (set.IsG1) g1 = set;
                    else g0 = set;
                    Append(output, buf[..n]);
                    found = true;
                    break;
                }
                if (found) break;
            }
            if (!found)
            {
                result = [];
                failedIndex = i;
                return false;
            }
        }
        RestoreInitial(output, ref g0, ref g1, initialG0, initialG1);
        result = output.ToArray();
        failedIndex = -1;
        return true;
    }

    private static bool TryEncodeIn(GraphicSet? set, char c, Span<byte> buf, out int written)
    {
        written = 0;
        return set is not null && set.TryEncode(c, buf, out written);
    }

    private static void RestoreInitial(List<byte> output, ref GraphicSet g0, ref GraphicSet? g1, GraphicSet initialG0, GraphicSet? initialG1)
    {
        if (g0 != initialG0)
        {
            output.AddRange(initialG0.Escape);
            g0 = initialG0;
        }
        // G1 can only be re-designated, never "undesignated"; with no initial G1 the decoder's reset forgets it.
        if (initialG1 is not null && g1 != initialG1)
        {
            output.AddRange(initialG1.Escape);
            g1 = initialG1;
        }
    }

    private static void Append(List<byte> output, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) output.Add(b);
    }

    private static bool TryMatchEscape(ReadOnlySpan<byte> bytes, IReadOnlyList<CharacterSetTerm> terms, out GraphicSet set, out int length)
    {
        foreach (var term in terms)
        {
            if (Match(term.G0, bytes) || Match(term.G1, bytes))
            {
                set = Match(term.G0, bytes) ? term.G0! : term.G1!;
                length = set.Escape.Length;
                return true;
            }
        }
        foreach (var candidate in Designations)
        {
            if (Match(candidate, bytes))
            {
                set = candidate;
                length = candidate.Escape.Length;
                return true;
            }
        }
        // ESC - F for a Latin set not declared: look it up among all known terms.
        if (bytes.Length >= 3 && bytes[1] == 0x2D)
        {
            foreach (var name in CharacterSetTerm.KnownTerms)
            {
                var t = CharacterSetTerm.Find(name);
                if (t?.G1 is { Kind: GraphicSetKind.Latin } g && Match(g, bytes))
                {
                    set = g;
                    length = 3;
                    return true;
                }
            }
        }
        set = GraphicSet.Ascii;
        length = 0;
        return false;
    }

    private static bool Match(GraphicSet? set, ReadOnlySpan<byte> bytes) => set is not null && bytes.StartsWith(set.Escape);
}
