using System.Security.Cryptography;
using System.Text;
using ActorBroker.Host.Launch;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>The signed-link rules of <see cref="LaunchLinkSigner"/>: canonical form, signature, expiry, parsing, keys.</summary>
public sealed class LaunchLinkSignerTests
{
    internal const string TextKey = "test-key-0123456789abcdef0123456";
    private const string Base = "https://broker.example.org/launch";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(TextKey);
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    private static List<KeyValuePair<string, string>> Link(string role = "RAD") =>
    [
        new("site", "MAINHOSP"),
        new("acc", "A/1 X"),
        new("uid", "1.2.3"),
        new("pid", "Pé"),
        new("role", role),
    ];

    private static string QueryOf(string url) => new Uri(url).Query;

    private static LaunchLinkResult Verify(string query, DateTimeOffset? now = null, TimeSpan? skew = null, byte[]? key = null) =>
        LaunchLinkSigner.Verify(query, key ?? Key, now ?? Now, Ttl, skew);

    // Rebuilds a raw query from decoded parameters (RFC 3986 encoding), in the order given.
    private static string Raw(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => LaunchLinkSigner.PercentEncode(p.Key) + "=" + LaunchLinkSigner.PercentEncode(p.Value)));

    private static Dictionary<string, string> Parsed(string query)
    {
        Assert.True(LaunchLinkSigner.TryParseQuery(query, out var p));
        return new Dictionary<string, string>(p, StringComparer.Ordinal);
    }

    [Fact]
    public void Signature_matches_an_independent_HMAC_SHA256_of_the_canonical_string()
    {
        // Computed outside .NET: printf '%s' '<canonical>' | openssl dgst -sha256 -hmac '<key>' -binary | base64url
        const string canonical = "acc=A%2F1%20X&exp=1767225600&pid=P%C3%A9&role=RAD&site=MAINHOSP&uid=1.2.3";
        var parameters = Link().Append(KeyValuePair.Create("exp", "1767225600")).ToList();
        Assert.Equal(canonical, LaunchLinkSigner.Canonicalize(parameters));
        Assert.Equal("YP0S5OP1xmtTnSXeviY3gQLb9Wzlk53iaYtMOdLdaTc", LaunchLinkSigner.Sign(parameters, Key));
    }

    [Fact]
    public void BuildUrl_emits_the_canonical_query_then_sig_and_it_verifies()
    {
        var url = LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2).AddMilliseconds(999));
        var exp = Now.AddMinutes(2).ToUnixTimeSeconds();
        Assert.StartsWith($"{Base}?acc=A%2F1%20X&exp={exp}&pid=P%C3%A9&role=RAD&site=MAINHOSP&uid=1.2.3&sig=", url, StringComparison.Ordinal);

        var result = Verify(QueryOf(url));
        Assert.Equal(LaunchLinkStatus.Valid, result.Status);
        Assert.Equal(new LaunchLink("MAINHOSP", "A/1 X", "1.2.3", "Pé", "RAD", Now.AddMinutes(2)), result.Link);
    }

    [Fact]
    public void Canonical_form_sorts_by_encoded_name_encodes_RFC3986_and_leaves_out_sig()
    {
        var canonical = LaunchLinkSigner.Canonicalize(
        [
            new("sig", "ignored"),
            new("b", "x y+z/~._-"),
            new("a", "Ä!*'()"),
            new("B", ""),
            new("a b", "1"),
        ]);
        // Byte order of the encoded names: upper case before lower case, a name before the longer names it begins.
        Assert.Equal("B=&a=%C3%84%21%2A%27%28%29&a%20b=1&b=x%20y%2Bz%2F~._-", canonical);
    }

    [Fact]
    public void Canonical_form_refuses_empty_and_repeated_names()
    {
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.Canonicalize([new("a", "1"), new("a", "2")]));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.Canonicalize([new("", "1")]));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.PercentEncode("\ud800"));
    }

    [Fact]
    public void How_values_were_escaped_in_transit_does_not_matter()
    {
        var url = LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2));
        var sig = Parsed(QueryOf(url))["sig"];
        var exp = Now.AddMinutes(2).ToUnixTimeSeconds();
        // Other order, "+" for space, lower-case hex, needlessly escaped unreserved characters, a leading "?" and stray "&".
        var query = $"?&role=%52AD&site=MAINHOSP&pid=P%c3%a9&acc=A%2f1+X&uid=1%2E2.3&&exp={exp}&sig={sig}&";
        Assert.Equal(LaunchLinkStatus.Valid, Verify(query).Status);
    }

    [Theory]
    [InlineData("site", "NORTHCLINIC")]
    [InlineData("acc", "A/2 X")]
    [InlineData("uid", "1.2.4")]
    [InlineData("pid", "Pe")]
    [InlineData("role", "ADMIN")]
    [InlineData("exp", "+60")]
    [InlineData("extra", "added")]
    public void Changing_or_adding_any_parameter_breaks_the_signature(string name, string value)
    {
        var p = Parsed(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2))));
        p[name] = name == "exp" ? (long.Parse(p["exp"]) + 60).ToString() : value;
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(Raw(p)).Status);
    }

    [Theory]
    [InlineData("uid")]
    [InlineData("pid")]
    [InlineData("role")]
    [InlineData("exp")]
    public void Removing_a_signed_parameter_breaks_the_signature(string name)
    {
        var p = Parsed(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2))));
        p.Remove(name);
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(Raw(p)).Status);
    }

    [Fact]
    public void Altered_truncated_or_foreign_signatures_are_bad()
    {
        var p = Parsed(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2))));
        var sig = p["sig"];
        var flipped = (sig[0] == 'A' ? 'B' : 'A') + sig[1..];
        p["sig"] = flipped;
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(Raw(p)).Status);
        p["sig"] = sig[..20];
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(Raw(p)).Status);
        p["sig"] = sig + "AAAA";
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(Raw(p)).Status);

        var other = LaunchLinkSigner.BuildUrl(Base, Link(), Encoding.UTF8.GetBytes(TextKey + "x"), Now.AddMinutes(2));
        Assert.Equal(LaunchLinkStatus.BadSignature, Verify(QueryOf(other)).Status);
    }

    [Fact]
    public void Unsigned_links_are_refused_before_anything_else()
    {
        var p = Parsed(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2))));
        p.Remove("sig");
        var unsigned = Verify(Raw(p));
        Assert.Equal(LaunchLinkStatus.MissingSignature, unsigned.Status);
        Assert.Null(unsigned.Link);
        Assert.Equal("RAD", unsigned.Get("role"));
        Assert.Equal(LaunchLinkStatus.MissingSignature, Verify(Raw(p) + "&sig=").Status);
        Assert.Equal(LaunchLinkStatus.MissingSignature, Verify("").Status);
        Assert.Equal(LaunchLinkStatus.MissingSignature, Verify(null!).Status);
    }

    [Theory]
    [InlineData("!!!!")]
    [InlineData("ab/cd")]
    [InlineData("a")]
    public void A_signature_that_is_not_base64url_is_malformed(string sig)
    {
        var p = Parsed(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddMinutes(2))));
        p["sig"] = sig;
        Assert.Equal(LaunchLinkStatus.Malformed, Verify(Raw(p)).Status);
    }

    [Fact]
    public void A_link_is_valid_until_exp_plus_skew()
    {
        var exp = Now.AddMinutes(2);
        var query = QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, exp));
        var skew = LaunchLinkSigner.DefaultClockSkew;
        Assert.Equal(LaunchLinkStatus.Valid, Verify(query, exp).Status);
        Assert.Equal(LaunchLinkStatus.Valid, Verify(query, exp + skew - TimeSpan.FromMilliseconds(1)).Status);
        Assert.Equal(LaunchLinkStatus.Expired, Verify(query, exp + skew).Status);
        Assert.Equal(LaunchLinkStatus.Expired, Verify(query, exp + TimeSpan.FromDays(1)).Status);
        Assert.Equal(LaunchLinkStatus.Expired, Verify(query, exp, TimeSpan.Zero).Status);
        Assert.Equal(LaunchLinkStatus.Valid, Verify(query, exp - TimeSpan.FromSeconds(1), TimeSpan.Zero).Status);
    }

    [Fact]
    public void A_link_may_not_be_minted_to_live_longer_than_ttl()
    {
        var skew = LaunchLinkSigner.DefaultClockSkew;
        Assert.Equal(LaunchLinkStatus.Valid, Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now + Ttl + skew))).Status);
        Assert.Equal(LaunchLinkStatus.TooLongLived, Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now + Ttl + skew + TimeSpan.FromSeconds(1)))).Status);
        Assert.Equal(LaunchLinkStatus.TooLongLived, Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now.AddYears(1)))).Status);
        Assert.Equal(LaunchLinkStatus.TooLongLived, Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, Link(), Key, Now + Ttl + TimeSpan.FromSeconds(1))), skew: TimeSpan.Zero).Status);
    }

    [Theory]
    [InlineData("site")]
    [InlineData("acc")]
    [InlineData("role")]
    public void A_signed_link_without_a_required_parameter_says_which(string name)
    {
        var parameters = Link().Where(p => p.Key != name).Append(KeyValuePair.Create(name, "")).ToList();
        var result = Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, parameters, Key, Now.AddMinutes(1))));
        Assert.Equal(LaunchLinkStatus.MissingParameter, result.Status);
        Assert.Equal(name, result.MissingParameter);

        parameters.RemoveAll(p => p.Key == name);
        Assert.Equal(name, Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, parameters, Key, Now.AddMinutes(1)))).MissingParameter);
    }

    [Theory]
    [InlineData("", LaunchLinkStatus.MissingParameter)]
    [InlineData("soon", LaunchLinkStatus.Malformed)]
    [InlineData("+1767225660", LaunchLinkStatus.Malformed)]
    [InlineData("1767225660.5", LaunchLinkStatus.Malformed)]
    [InlineData(" 1767225660", LaunchLinkStatus.Malformed)]
    [InlineData("-1", LaunchLinkStatus.Malformed)]
    [InlineData("1234567890123456789", LaunchLinkStatus.Malformed)]
    [InlineData("999999999999999999", LaunchLinkStatus.TooLongLived)]
    [InlineData("1767225660", LaunchLinkStatus.Valid)]
    [InlineData("01767225660", LaunchLinkStatus.Valid)]
    public void Exp_is_unix_seconds_in_decimal_digits(string exp, LaunchLinkStatus expected)
    {
        var parameters = Link().Append(KeyValuePair.Create("exp", exp)).ToList();
        var query = Raw(parameters) + "&sig=" + LaunchLinkSigner.Sign(parameters, Key);
        Assert.Equal(expected, Verify(query).Status);
    }

    [Fact]
    public void Optional_uid_and_pid_may_be_absent_or_empty()
    {
        var parameters = Link().Where(p => p.Key is not ("uid" or "pid")).Append(KeyValuePair.Create("uid", "")).ToList();
        var link = Verify(QueryOf(LaunchLinkSigner.BuildUrl(Base, parameters, Key, Now.AddMinutes(1)))).Link;
        Assert.NotNull(link);
        Assert.Null(link.StudyUid);
        Assert.Null(link.PatientId);
    }

    [Theory]
    [InlineData("a=%")]
    [InlineData("a=%4")]
    [InlineData("a=%zz")]
    [InlineData("a=%FF")]
    [InlineData("a=%C3")]
    [InlineData("a=é")]
    [InlineData("=1")]
    [InlineData("a=1&a=1")]
    public void Queries_that_cannot_be_read_unambiguously_are_malformed(string query)
    {
        Assert.False(LaunchLinkSigner.TryParseQuery(query, out _));
        var result = Verify(query + "&sig=AAAA");
        Assert.Equal(LaunchLinkStatus.Malformed, result.Status);
        Assert.Empty(result.Parameters);
    }

    [Fact]
    public void Query_parsing_decodes_form_encoding()
    {
        var p = Parsed("?a=1+2%2B3&flag&b=&c=x=y&%73ig=s");
        Assert.Equal("1 2+3", p["a"]);
        Assert.Equal("", p["flag"]);
        Assert.Equal("", p["b"]);
        Assert.Equal("x=y", p["c"]);
        Assert.Equal("s", p["sig"]);
        Assert.Equal(5, p.Count);
    }

    [Fact]
    public void More_than_the_maximum_number_of_parameters_is_malformed()
    {
        var atLimit = string.Join('&', Enumerable.Range(0, LaunchLinkSigner.MaxParameters).Select(i => $"p{i}=1"));
        Assert.True(LaunchLinkSigner.TryParseQuery(atLimit, out _));
        Assert.False(LaunchLinkSigner.TryParseQuery(atLimit + "&one=more", out _));
    }

    [Fact]
    public void Keys_are_text_or_base64_and_never_empty_for_signing()
    {
        Assert.Empty(LaunchLinkSigner.ParseKey(""));
        Assert.Empty(LaunchLinkSigner.ParseKey(null));
        Assert.Equal(Key, LaunchLinkSigner.ParseKey(TextKey));
        Assert.Equal(Encoding.UTF8.GetBytes(" spaced key é "), LaunchLinkSigner.ParseKey(" spaced key é "));
        Assert.Equal(Key, LaunchLinkSigner.ParseKey("base64:" + Convert.ToBase64String(Key)));
        var binary = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(binary, LaunchLinkSigner.ParseKey("base64:" + Convert.ToBase64String(binary)));
        // "Base64:" is not the prefix: that text is the key itself.
        Assert.Equal(Encoding.UTF8.GetBytes("Base64:AAAA"), LaunchLinkSigner.ParseKey("Base64:AAAA"));

        var bad = Assert.Throws<FormatException>(() => LaunchLinkSigner.ParseKey("base64:not*base64"));
        Assert.DoesNotContain("not*base64", bad.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LaunchLinkSigner.ParseKey("base64:"));
        Assert.Throws<FormatException>(() => LaunchLinkSigner.ParseKey("   "));

        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.Sign(Link(), []));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.Verify("a=1", [], Now, Ttl));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base, Link(), [], Now));
    }

    [Fact]
    public void A_link_signed_with_the_base64_form_of_a_key_verifies_with_the_text_form()
    {
        var url = LaunchLinkSigner.BuildUrl(Base, Link(), LaunchLinkSigner.ParseKey("base64:" + Convert.ToBase64String(Key)), Now.AddMinutes(1));
        Assert.Equal(LaunchLinkStatus.Valid, Verify(QueryOf(url), key: LaunchLinkSigner.ParseKey(TextKey)).Status);
    }

    [Fact]
    public void BuildUrl_refuses_a_base_with_a_query_and_parameters_it_adds_itself()
    {
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base + "?x=1", Link(), Key, Now));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base + "#f", Link(), Key, Now));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base, Link().Append(KeyValuePair.Create("exp", "1")), Key, Now));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base, Link().Append(KeyValuePair.Create("sig", "x")), Key, Now));
        Assert.Throws<ArgumentException>(() => LaunchLinkSigner.BuildUrl(Base, Link().Append(KeyValuePair.Create("role", "X")), Key, Now));
    }

    [Fact]
    public void Verify_refuses_nonsense_bounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LaunchLinkSigner.Verify("a=1", Key, Now, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => LaunchLinkSigner.Verify("a=1", Key, Now, Ttl, TimeSpan.FromSeconds(-1)));
    }
}
