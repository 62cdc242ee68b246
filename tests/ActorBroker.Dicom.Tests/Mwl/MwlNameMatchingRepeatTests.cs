using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using static ActorBroker.Dicom.Tests.Mwl.MwlTestData;

namespace ActorBroker.Dicom.Tests.Mwl;

/// <summary>
/// Entry names are folded once and remembered (per string instance): repeated queries, other queries, multi-valued
/// names and equal strings in other instances all match as folding afresh would (PS3.4 C.2.2.2.1).
/// </summary>
public sealed class MwlNameMatchingRepeatTests
{
    private static readonly string[] Patterns = ["nunez*", "NUNEZ^JOSE", "*jose*", "müller*", "MULLER^J?RGEN", "*", "perez*", "O*", "山田*", "yamada*"];

    private static readonly string[] EntryNames =
    [
        "NÚÑEZ^JOSÉ", "Núñez^José", "Müller^Jürgen", "MULLER^JURGEN", "Øster^Åsa", "Pérez^Ana\\Núñez^José", "Yamada^Tarou=山田^太郎",
        "SMITH^JOHN", "O'Brien^Seán", "Nunez^Jose^^",
    ];

    [Fact]
    public void Repeated_and_varied_queries_agree_with_a_fresh_fold()
    {
        foreach (var pattern in Patterns)
        {
            var query = Top((DicomTags.PatientName, pattern));
            foreach (var name in EntryNames)
            {
                var expected = Expected(pattern, name);
                for (var i = 0; i < 3; i++)
                {
                    Assert.True(expected == query.Matches(Nunez with { PatientName = name }), $"{pattern} vs {name} (round {i})");
                }

                // An equal string in another instance (a new order with the same name) matches alike.
                Assert.Equal(expected, query.Matches(Nunez with { PatientName = new string(name.AsSpan()) }));
            }
        }
    }

    [Fact]
    public void Exact_matching_never_folds_even_after_folding_queries_ran()
    {
        var entry = Nunez with { PatientName = "Núñez^José" };
        Assert.True(Top((DicomTags.PatientName, "NUNEZ*")).Matches(entry));
        var exact = new MwlMatchingOptions { ExactNameMatching = true };
        Assert.False(Query([(DicomTags.PatientName, "NUNEZ*")], options: exact).Matches(entry));
        Assert.True(Query([(DicomTags.PatientName, "Núñez*")], options: exact).Matches(entry));
    }

    // The definition: fold both sides (upper case, accents off), any value of a multi-valued name, any component group.
    private static bool Expected(string pattern, string name)
    {
        static string Fold(string s) => new(s.Trim(' ').TrimEnd('^', '=', ' ').Normalize(System.Text.NormalizationForm.FormKD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == 'Ø' ? 'O' : c).ToArray());
        if (pattern.All(c => c == '*')) return true;
        var p = Fold(pattern).ToUpperInvariant();
        foreach (var value in name.Split('\\'))
        {
            var v = Fold(value).ToUpperInvariant();
            if (Glob(p, v)) return true;
            if (v.Contains('=', StringComparison.Ordinal) && value.Split('=').Any(g => g.Length > 0 && Glob(p, g.Trim(' ').TrimEnd('^', '=', ' '))))
                return true;
        }

        return false;
    }

    private static bool Glob(string pattern, string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");
}
