using System.Runtime.CompilerServices;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Single Value and Wild Card Matching (PS3.4 C.2.2.2.1, C.2.2.2.4) of one string key. Exact and case-sensitive
/// except PN, which is folded (case and accents) unless exact name matching is configured. Several values
/// (backslash) on either side match when any pair matches. A PN query without '=' is also tried against each
/// component group of the entry (alphabetic, ideographic, phonetic).
/// </summary>
internal sealed class TextMatcher
{
    // Entry value (by reference) -> its folded form; entries die with their strings, so does this.
    private static readonly ConditionalWeakTable<string, string> FoldedEntries = new();

    private readonly string[] _patterns;
    private readonly bool[] _wildcard;
    private readonly bool _fold;
    private readonly bool _personName;
    private readonly bool _multiValued;
    private readonly bool _queryHasGroups;

    private TextMatcher(string[] patterns, bool fold, bool personName, bool multiValued, bool queryHasGroups)
    {
        _patterns = patterns;
        _wildcard = Array.ConvertAll(patterns, WildcardPattern.HasWildcard);
        _fold = fold;
        _personName = personName;
        _multiValued = multiValued;
        _queryHasGroups = queryHasGroups;
    }

    /// <summary>Null when the key asks for universal matching (empty, or only '*').</summary>
    public static TextMatcher? Create(string queryValue, DicomVR vr, bool exactNames)
    {
        var multiValued = vr.IsMultiValueString;
        var values = multiValued ? queryValue.Split('\\') : [queryValue];
        var personName = vr.IsPersonName;
        var fold = personName && !exactNames;
        var patterns = values.Select(v => Normalize(v, personName, fold)).ToArray();
        // PS3.4 C.2.2.2.3 / C.2.2.2.4: a zero-length value, or a value of only '*', matches everything.
        if (patterns.Any(p => p.Length == 0 || p.All(c => c == '*'))) return null;
        return new TextMatcher(patterns, fold, personName, multiValued, queryValue.Contains('=', StringComparison.Ordinal));
    }

    public bool Matches(string entryValue)
    {
        if (entryValue.Length == 0) return false; // a zero-length value matches only universal matching
        // One value (the usual case) is matched as is, without splitting: a query checks thousands of candidates.
        if (!_multiValued || !entryValue.Contains('\\', StringComparison.Ordinal)) return MatchesValue(entryValue, cacheFolding: true);
        foreach (var raw in entryValue.Split('\\'))
        {
            if (MatchesValue(raw, cacheFolding: false)) return true;
        }
        return false;
    }

    private bool MatchesValue(string raw, bool cacheFolding)
    {
        // Folding a non-ASCII name (NFKD, table, upper case) costs far more than matching it: remember the folded
        // form of an entry's value for as long as that string lives (entries are immutable and re-queried).
        var value = cacheFolding && _fold && !IsPlainAscii(raw)
            ? FoldedEntries.GetValue(raw, static r => Normalize(r, true, true))
            : Normalize(raw, _personName, _fold);
        if (MatchesAny(value)) return true;
        if (_personName && !_queryHasGroups && value.Contains('=', StringComparison.Ordinal))
        {
            foreach (var group in value.Split('='))
            {
                if (group.Length > 0 && MatchesAny(Normalize(group, true, false))) return true;
            }
        }
        return false;
    }

    private bool MatchesAny(string value)
    {
        for (var i = 0; i < _patterns.Length; i++)
        {
            var pattern = _patterns[i];
            if (_wildcard[i] ? WildcardPattern.IsMatch(pattern, value) : string.Equals(pattern, value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static bool IsPlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c >= 0x80) return false;
        }
        return true;
    }

    private static string Normalize(string value, bool personName, bool fold)
    {
        var v = value.Trim(' ');
        // PS3.5 6.2.1.1: trailing empty components and component groups may be omitted; "Doe^John^^" is "Doe^John".
        if (personName) v = v.TrimEnd('^', '=', ' ');
        return fold ? NameFolding.Fold(v) : v;
    }
}
