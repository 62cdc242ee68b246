using System.Globalization;
using System.Text;
using ActorBroker.Dicom.CharacterSets;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Case- and accent-insensitive form of a person name for matching (PS3.4 C.2.2.2.1 allows PN matching to be
/// "insensitive to some or all aspects of case, position, accent, or other character encoding variants"):
/// NFKD with combining marks removed, the transliteration table for letters that do not decompose
/// (Ø, ß, Ł, ...), upper case. Scripts without case or accents (CJK, kana) pass through unchanged.
/// </summary>
internal static class NameFolding
{
    public static string Fold(string value)
    {
        if (IsPlainAscii(value)) return value.ToUpperInvariant();
        var decomposed = value.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (DicomTextTransliterator.TryMapLetter(rune.Value, out var mapped)) sb.Append(mapped);
            else sb.Append(rune.ToString());
        }
        return sb.ToString().ToUpperInvariant();
    }

    private static bool IsPlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c >= 0x80) return false;
        }
        return true;
    }
}
