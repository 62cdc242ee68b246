using System.Net;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Host.Launch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>
/// /launch in the whole broker (BrokerHost's hook, the built-in hocon, the real order entities): disabled by default,
/// and with a key, a link without uid opens the study UID of the order the EHR placed over MLLP.
/// </summary>
public sealed class LaunchBrokerTests
{
    private const string Key = LaunchLinkSignerTests.TextKey;

    // From Samples/orm-o01-new-ct.hl7: OBR-18, PID-3 and ZDS-1.
    private const string Accession = "ACC20001";
    private const string PatientId = "E1000001";
    private const string StudyUid = "1.2.840.114350.2.277.2.798268.2.20001.1";

    private static HttpClient Client(InProcessBroker broker) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://{broker.Management}") };

    [Fact]
    public async Task Out_of_the_box_launch_is_disabled_with_503()
    {
        await using var broker = await InProcessBroker.StartAsync();
        using var http = Client(broker);
        var link = LaunchLinkSigner.BuildUrl("/launch", [new("site", "MAINHOSP"), new("acc", Accession), new("role", "RAD")], LaunchLinkSigner.ParseKey(Key), DateTimeOffset.UtcNow.AddMinutes(1));
        using var response = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("actor-broker.links.signing-key is not configured", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_link_opens_the_placed_orders_study_and_nothing_else_gets_through()
    {
        await using var broker = await InProcessBroker.StartAsync(
            null,
            $"actor-broker.links.signing-key = \"{Key}\"",
            "actor-broker.links.roles { RAD = radiologist }");
        var logs = new CapturedLogs();
        broker.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var http = Client(broker);

        await using (var mllp = await MllpClient.ConnectAsync("127.0.0.1", broker.Hl7Orders.Port))
        {
            var reply = await mllp.SendAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "orm-o01-new-ct.hl7"))).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack));
            Assert.Equal(AckCode.AA, ack.AckCode);
        }

        await OrderVisibleAsync(http);

        // The EHR's link names the order, not the study; the accession as the EHR typed it goes through the site's rules.
        string Link(string role, string accession = Accession) => LaunchLinkSigner.BuildUrl(
            "/launch",
            [new("site", "MAINHOSP"), new("acc", accession), new("pid", PatientId), new("role", role)],
            LaunchLinkSigner.ParseKey(Key),
            DateTimeOffset.UtcNow.AddMinutes(2));

        using (var good = await http.GetAsync(Link("RAD")))
        {
            Assert.Equal(HttpStatusCode.Found, good.StatusCode);
            Assert.Equal($"https://viewer.example.org/study?acc={Accession}&uid={StudyUid}&profile=radiologist", good.Headers.Location?.OriginalString);
        }

        using (var lower = await http.GetAsync(Link("RAD", "acc20001")))
        {
            Assert.Equal($"https://viewer.example.org/study?acc=acc20001&uid={StudyUid}&profile=radiologist", lower.Headers.Location?.OriginalString);
        }

        using (var tampered = await http.GetAsync(Link("RAD").Replace("site=MAINHOSP", "site=NORTHCLINIC", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        }

        using (var unmapped = await http.GetAsync(Link("REFPHYS")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unmapped.StatusCode);
        }

        // The broker's own logging: outcomes are there, the patient's identifiers are not (ASP.NET Core's request
        // lines, which carry the query, stay below Information).
        var lines = logs.Lines.Where(l => l.Level >= LogLevel.Information).Select(l => l.Text).ToList();
        Assert.Contains(lines, l => l.Contains("Launch granted site MAINHOSP role RAD profile radiologist", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Launch refused (BadSignature) site NORTHCLINIC role RAD", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Launch refused (UnmappedRole) site MAINHOSP role REFPHYS", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(PatientId, l, StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.Contains("aunch", StringComparison.Ordinal)), l =>
        {
            Assert.DoesNotContain(Accession, l, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(StudyUid, l, StringComparison.Ordinal);
        });
    }

    // Orders are applied right after the ACK: wait until the management API shows this one.
    private static async Task OrderVisibleAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync($"/api/orders/{Accession}?site=MAINHOSP");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"order {Accession} did not appear within 30 s");
            }

            // Polling the public API the way an operator would; there is no push to await here.
            await Task.Delay(50);
        }
    }
}
