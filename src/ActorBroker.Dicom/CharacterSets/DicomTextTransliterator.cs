using System.Globalization;
using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// Makes text fit a modality's character set (e.g. an ASCII-only or Latin-1-only scanner): characters the
/// target has are kept; others lose their accents (NFKD decomposition, combining marks removed: Núñez ->
/// Nunez for ASCII), letters that do not decompose come from a small table (Ø -> O, ß -> ss, Ł -> L, ...),
/// and anything still unrepresentable becomes '?'. Lossy by design; use only where the site configured it.
/// </summary>
public static class DicomTextTransliterator
{
    private static readonly Dictionary<int, string> Table = new()
    {
        ['Ø'] = "O", ['ø'] = "o", ['Æ'] = "AE", ['æ'] = "ae", ['Ł'] = "L", ['ł'] = "l", ['ß'] = "ss",
        ['Đ'] = "D", ['đ'] = "d", ['Ð'] = "D", ['ð'] = "d", ['Œ'] = "OE", ['œ'] = "oe", ['Þ'] = "TH", ['þ'] = "th",
        ['ı'] = "i", ['Ħ'] = "H", ['ħ'] = "h", ['ĸ'] = "k", ['Ŧ'] = "T", ['ŧ'] = "t", ['Ŋ'] = "N", ['ŋ'] = "n",
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"",
        ['\u2013'] = "-", ['\u2014'] = "-", ['\u2212'] = "-", ['\u00A0'] = " ", ['\u2026'] = "...", ['€'] = "EUR",
        ['«'] = "\"", ['»'] = "\"", ['×'] = "x", ['·'] = ".",
    };

    /// <summary>True when <paramref name="target"/> can carry <paramref name="text"/> unchanged.</summary>
    public static bool CanEncode(string text, DicomCharacterSet target) => target.CanEncode(text, DicomVR.LO);

    /// <summary>Text that <paramref name="target"/> can encode: <paramref name="text"/> itself when possible, else transliterated.</summary>
    public static string ToRepertoire(string text, DicomCharacterSet target) => ToRepertoire(text, target, DicomVR.LO);

    /// <summary>
    /// As <see cref="ToRepertoire(string, DicomCharacterSet)"/> for a value of <paramref name="vr"/>: for PN the
    /// alphabetic component group is fitted to the sets of value 1 of the target (no code extensions there).
    /// </summary>
    public static string ToRepertoire(string text, DicomCharacterSet target, DicomVR vr)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(target);
        if (target.CanEncode(text, vr)) return text;
        // Compose first, so "u" + U+0301 from an NFD source is kept as "ú" where the target has it.
        var composed = text.Normalize(NormalizationForm.FormC);
        if (target.CanEncode(composed, vr)) return composed;
        if (!vr.IsPersonName) return Fit(composed, target, DicomVR.LO);
        var groups = composed.Split('=');
        groups[0] = Fit(groups[0], target, DicomVR.PN); // a lone character as PN is in the alphabetic group
        for (var i = 1; i < groups.Length; i++) groups[i] = Fit(groups[i], target, DicomVR.LO);
        return string.Join('=', groups);
    }

    private static string Fit(string text, DicomCharacterSet target, DicomVR probe)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (target.CanEncode(s, probe))
            {
                sb.Append(s);
                continue;
            }
            sb.Append(Fallback(rune, target, probe));
        }
        return sb.ToString();
    }

    /// <summary>The table's replacement for a letter that does not decompose (Ø -> O, ß -> ss), for name folding.</summary>
    internal static bool TryMapLetter(int codePoint, out string replacement) => Table.TryGetValue(codePoint, out replacement!);

    private static string Fallback(Rune rune, DicomCharacterSet target, DicomVR probe)
    {
        if (Table.TryGetValue(rune.Value, out var mapped) && target.CanEncode(mapped, probe)) return mapped;
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder();
        var onlyMarks = true;
        foreach (var part in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(part);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            onlyMarks = false;
            var p = part.ToString();
            if (target.CanEncode(p, probe)) result.Append(p);
            else if (Table.TryGetValue(part.Value, out var m) && target.CanEncode(m, probe)) result.Append(m);
            else return "?";
        }
        // A lone combining mark carries no letter of its own: drop it.
        return onlyMarks ? "" : result.ToString();
    }
}
