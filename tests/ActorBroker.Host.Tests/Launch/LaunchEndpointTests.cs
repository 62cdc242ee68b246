using System.Net;
using System.Text;
using ActorBroker.Host.Launch;
using Microsoft.Extensions.Logging;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>/launch over real HTTP: redirects for good links, 401/403/503 otherwise, and what it logs.</summary>
public sealed class LaunchEndpointTests : IAsyncLifetime
{
    private const string Accession = "ACC77123";
    private const string PatientId = "PID99881";
    private const string StudyUid = "1.2.840.99.7";
    private const string LookedUpUid = "1.2.840.99.8";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(LaunchLinkSignerTests.TextKey);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly DictionaryStudyUidLookup _lookup = new(new() { [("MAINHOSP", Accession)] = LookedUpUid });
    private LaunchHost _host = null!;

    private static LaunchSettings Settings(byte[] key) => new(
        new ViewerUrlTemplate(LaunchSettings.DefaultViewerUrl, "profile"),
        key,
        TimeSpan.FromMinutes(5),
        TimeSpan.FromSeconds(30),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["RAD"] = "radiologist", ["REFPHYS"] = "referring" });

    public async Task InitializeAsync() => _host = await LaunchHost.StartAsync(Settings(Key), _time, _lookup);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Link(string role = "RAD", bool withUid = true, string accession = Accession, TimeSpan? lifetime = null)
    {
        var p = new List<KeyValuePair<string, string>> { new("site", "MAINHOSP"), new("acc", accession), new("pid", PatientId), new("role", role) };
        if (withUid)
        {
            p.Add(new("uid", StudyUid));
        }

        return LaunchLinkSigner.BuildUrl("/launch", p, Key, _time.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(2)));
    }

    private async Task<(HttpStatusCode Status, string? Location, string Body, HttpResponseMessage Response)> GetAsync(string url)
    {
        var response = await _host.Client.GetAsync(url);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task A_good_link_redirects_to_the_study_in_the_viewer_with_the_roles_profile()
    {
        var (status, location, _, response) = await GetAsync(Link());
        Assert.Equal(HttpStatusCode.Found, status);
        Assert.Equal($"https://viewer.example.org/study?acc={Accession}&uid={StudyUid}&profile=radiologist", location);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(_lookup.Asked);

        // Roles compare ignoring case; another role, another profile.
        Assert.EndsWith("&profile=referring", (await GetAsync(Link("refphys"))).Location, StringComparison.Ordinal);
        AssertNoPatientDataLogged();
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("Launch granted site MAINHOSP role RAD profile radiologist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_without_uid_gets_the_orders_study_uid_or_an_empty_one()
    {
        var (status, location, _, _) = await GetAsync(Link(withUid: false));
        Assert.Equal(HttpStatusCode.Found, status);
        Assert.Equal($"https://viewer.example.org/study?acc={Accession}&uid={LookedUpUid}&profile=radiologist", location);
        Assert.Equal([("MAINHOSP", Accession)], _lookup.Asked);

        (status, location, _, _) = await GetAsync(Link(withUid: false, accession: "ACC-UNKNOWN"));
        Assert.Equal(HttpStatusCode.Found, status);
        Assert.Equal("https://viewer.example.org/study?acc=ACC-UNKNOWN&uid=&profile=radiologist", location);
        AssertNoPatientDataLogged();
    }

    [Theory]
    [InlineData("acc=" + Accession, "acc=ACC77124")]
    [InlineData("role=RAD", "role=REFPHYS")]
    [InlineData("site=MAINHOSP", "site=NORTHCLINIC")]
    [InlineData("uid=" + StudyUid, "uid=1.2.840.99.9")]
    [InlineData("&uid=" + StudyUid, "")]
    [InlineData("pid=" + PatientId, "pid=PID99882")]
    public async Task A_tampered_link_gets_401(string original, string altered)
    {
        var link = Link();
        Assert.Contains(original, link, StringComparison.Ordinal);
        var (status, location, body, response) = await GetAsync(link.Replace(original, altered, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(location);
        Assert.Contains("signature does not match", body, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Launch refused (BadSignature)", StringComparison.Ordinal));
        AssertNoPatientDataLogged();
    }

    [Fact]
    public async Task An_expired_link_gets_401()
    {
        var link = Link();
        Assert.Equal(HttpStatusCode.Found, (await GetAsync(link)).Status);
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(30));
        var (status, location, body, _) = await GetAsync(link);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(location);
        Assert.Contains("expired", body, StringComparison.Ordinal);
        AssertNoPatientDataLogged();
    }

    [Fact]
    public async Task A_link_minted_to_live_longer_than_ttl_gets_401()
    {
        var (status, _, body, _) = await GetAsync(Link(lifetime: TimeSpan.FromHours(1)));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("actor-broker.links.ttl", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_link_gets_401()
    {
        var link = Link();
        var unsigned = link[..link.IndexOf("&sig=", StringComparison.Ordinal)];
        var (status, location, body, _) = await GetAsync(unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Null(location);
        Assert.Contains("not signed", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/launch")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(unsigned + "&sig=%%")).Status);
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Launch refused (MissingSignature) site MAINHOSP role RAD sig -", StringComparison.Ordinal));
        AssertNoPatientDataLogged();
    }

    [Fact]
    public async Task An_unmapped_role_gets_403_and_no_default_profile()
    {
        var (status, location, body, _) = await GetAsync(Link("JANITOR"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(location);
        Assert.Contains("'JANITOR' is not mapped", body, StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains("Launch refused (UnmappedRole) site MAINHOSP role JANITOR", StringComparison.Ordinal));
        Assert.Empty(_lookup.Asked);
        AssertNoPatientDataLogged();
    }

    [Fact]
    public async Task Refused_links_log_a_signature_fingerprint_not_the_signature()
    {
        var link = Link("JANITOR");
        var sig = link[(link.IndexOf("&sig=", StringComparison.Ordinal) + 5)..];
        await GetAsync(link);
        var line = Assert.Single(_host.Logs.Lines, l => l.Text.Contains("UnmappedRole", StringComparison.Ordinal)).Text;
        Assert.DoesNotContain(sig, line, StringComparison.Ordinal);
        Assert.DoesNotContain(sig[..8], line, StringComparison.Ordinal);
        Assert.Matches(" sig [0-9a-f]{8} from 127.0.0.1", line);
    }

    [Fact]
    public async Task Without_a_signing_key_launch_answers_503_and_accepts_nothing()
    {
        await using var disabled = await LaunchHost.StartAsync(Settings([]), _time, _lookup);
        var response = await disabled.Client.GetAsync(Link());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("actor-broker.links.signing-key is not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await disabled.Client.GetAsync("/launch?site=MAINHOSP&acc=A&role=RAD&exp=9999999999")).StatusCode);
        Assert.Contains(disabled.Logs.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("disabled", StringComparison.Ordinal));
    }

    private void AssertNoPatientDataLogged()
    {
        foreach (var (level, text) in _host.Logs.Lines.Where(l => l.Level >= LogLevel.Information))
        {
            foreach (var value in new[] { Accession, "ACC77124", "ACC-UNKNOWN", PatientId, "PID99882", StudyUid, LookedUpUid, "1.2.840.99.9" })
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"{level} line shows '{value}': {text}");
            }
        }
    }
}
