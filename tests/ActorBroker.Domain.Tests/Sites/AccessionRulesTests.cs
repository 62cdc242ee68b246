using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests.Sites;

public sealed class AccessionRulesTests
{
    private static readonly AccessionRules Epic = AccessionRules.Default with
    {
        StripPrefixes = ["EPC-", "MH"],
        Map = new Dictionary<string, string> { ["LEGACY-0000000001234"] = "L1234", ["old7"] = "mapped7" },
    };

    [Theory]
    [InlineData("ACC20001", "ACC20001")]
    [InlineData("  acc20001 ", "ACC20001")]
    [InlineData("EPC-12345", "12345")]
    [InlineData("epc-12345", "12345")]
    [InlineData("MH778", "778")]
    [InlineData("EPC-MH1", "MH1")] // only the first matching prefix goes
    [InlineData("LEGACY-0000000001234", "L1234")]
    [InlineData("legacy-0000000001234", "L1234")]
    [InlineData("OLD7", "MAPPED7")]
    [InlineData("1234567890123456", "1234567890123456")]
    public void Normalises(string raw, string expected)
    {
        Assert.True(Epic.TryNormalise(raw, out var normalised, out var error), error);
        Assert.Equal(expected, normalised);
        Assert.Equal(expected, Epic.Normalise(raw));
    }

    [Fact]
    public void A_mapped_value_is_not_prefix_stripped()
    {
        var rules = AccessionRules.Default with { StripPrefixes = ["X"], Map = new Dictionary<string, string> { ["A1"] = "X9" } };

        Assert.Equal("X9", rules.Normalise("A1"));
    }

    [Fact]
    public void Without_upper_case_prefixes_and_map_keys_are_exact()
    {
        var rules = new AccessionRules(["EPC-"], new Dictionary<string, string> { ["a1"] = "b1" }, UpperCase: false);

        Assert.Equal("epc-1", rules.Normalise("epc-1"));
        Assert.Equal("1", rules.Normalise("EPC-1"));
        Assert.Equal("b1", rules.Normalise("a1"));
        Assert.Equal("A1", rules.Normalise("A1"));
    }

    [Fact]
    public void More_than_16_characters_is_an_error_that_shows_the_value_and_the_limit()
    {
        Assert.False(AccessionRules.Default.TryNormalise("ACC1234567890123456", out var normalised, out var error));
        Assert.Null(normalised);
        Assert.Equal("accession 'ACC1234567890123456' is 19 characters; DICOM SH allows 16", error);
    }

    [Fact]
    public void The_error_shows_both_values_when_the_rules_changed_it()
    {
        Assert.False(Epic.TryNormalise("EPC-abcdefghijklmnopq", out _, out var error));
        Assert.Equal("accession 'ABCDEFGHIJKLMNOPQ' (sent as 'EPC-abcdefghijklmnopq') is 17 characters; DICOM SH allows 16", error);
    }

    [Fact]
    public void A_stricter_site_limit_is_named_as_the_site_s()
    {
        var rules = AccessionRules.Default with { MaxLength = 8 };

        Assert.False(rules.TryNormalise("ACC200001", out _, out var error));
        Assert.Equal("accession 'ACC200001' is 9 characters; the site allows 8", error);
    }

    [Fact]
    public void Prefix_stripping_can_bring_a_long_value_within_16()
    {
        Assert.Equal("1234567890123456", Epic.Normalise("EPC-1234567890123456"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("EPC-")]
    public void An_empty_result_is_an_error(string raw)
    {
        Assert.False(Epic.TryNormalise(raw, out _, out var error));
        Assert.Contains("is empty after the site's accession rules", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AB\\C", "'\\'")]
    [InlineData("AB|C", "'|'")]
    [InlineData("AB\tC", "U+0009")]
    public void Characters_SH_cannot_carry_are_errors(string raw, string shown)
    {
        Assert.False(AccessionRules.Default.TryNormalise(raw, out _, out var error));
        Assert.Contains(shown, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_throws_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>(() => AccessionRules.Default.Normalise("ACC1234567890123456"));
        Assert.StartsWith("accession 'ACC1234567890123456' is 19 characters; DICOM SH allows 16", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(-1)]
    public void A_max_length_outside_SH_is_refused_at_construction_and_in_with(int maxLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessionRules([], new Dictionary<string, string>(), maxLength));
        Assert.Throws<ArgumentOutOfRangeException>(() => AccessionRules.Default with { MaxLength = maxLength });
    }

    [Fact]
    public void Defaults_are_16_and_upper_case()
    {
        Assert.Equal(16, AccessionRules.Default.MaxLength);
        Assert.True(AccessionRules.Default.UpperCase);
        Assert.Empty(AccessionRules.Default.StripPrefixes);
        Assert.Empty(AccessionRules.Default.Map);
    }
}
