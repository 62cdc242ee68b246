using System.Text;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

/// <summary>abctl's real HttpClient/SocketsHttpHandler path against a real HTTP server on 127.0.0.1.</summary>
public class EndToEndTests
{
    private static Task<CliResult> Run(MiniHttpServer server, params string[] args) =>
        Abctl.RunAsync(handler: null, new Dictionary<string, string> { ["ABCTL_ENDPOINT"] = server.Endpoint }, args);

    [Fact]
    public async Task Every_command_over_real_http()
    {
        await using var server = new MiniHttpServer()
            .On("/api/health", ContractJson.Health)
            .On("/api/orders?site=MAINHOSP&limit=10", ContractJson.Orders)
            .On("/api/orders/ACC20001", ContractJson.Order)
            .On("/api/exceptions", ContractJson.Exceptions)
            .On("/api/exceptions/EX-000001", ContractJson.Exception);

        var health = await Run(server, "health");
        var list = await Run(server, "orders", "list", "--site", "MAINHOSP", "--limit", "10");
        var listJson = await Run(server, "orders", "list", "--json", "--site", "MAINHOSP", "--limit", "10");
        var show = await Run(server, "order", "show", "ACC20001");
        var exceptions = await Run(server, "exceptions", "list");
        var exception = await Run(server, "exceptions", "show", "EX-000001");

        Assert.All([health, list, listJson, show, exceptions, exception], r => Assert.Equal((0, ""), (r.ExitCode, r.Error)));
        Assert.Contains("hl7:orders  listening  127.0.0.1:2575", health.Out, StringComparison.Ordinal);
        Assert.Contains("NÚÑEZ^JOSÉ^ANTONIO^^SR.  CT", list.Out, StringComparison.Ordinal);
        Assert.Contains("\"patientName\": \"NÚÑEZ^JOSÉ^ANTONIO^^SR.\"", listJson.Out, StringComparison.Ordinal);
        Assert.Contains("\"accession\": \"ACC20001\"", listJson.Out, StringComparison.Ordinal);
        Assert.Contains("Patient name:  NÚÑEZ^JOSÉ^ANTONIO^^SR.", show.Out, StringComparison.Ordinal);
        Assert.Contains("EX-000002", exceptions.Out, StringComparison.Ordinal);
        Assert.Contains("\nPID|1||E1000001^^^MAINHOSP||NÚÑEZ^JOSÉ\nORC|XX|PL20001\n", exception.Out, StringComparison.Ordinal);

        var request = server.Requests.First(r => r.StartsWith("GET /api/health ", StringComparison.Ordinal));
        Assert.Contains($"Host: {server.Endpoint}", request, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", request, StringComparison.Ordinal);
        Assert.Contains("User-Agent: abctl/", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_and_server_error_over_real_http()
    {
        await using var server = new MiniHttpServer()
            .On("/api/orders/ACC9", ContractJson.Error("order ACC9 not found"), 404, "Not Found")
            .On("/api/exceptions", ContractJson.Error("journal unavailable"), 500, "Internal Server Error");

        var missing = await Run(server, "order", "show", "ACC9");
        var failing = await Run(server, "exceptions", "list");

        Assert.Equal((1, "abctl: order ACC9 not found\n"), (missing.ExitCode, missing.Error));
        Assert.Equal(
            (3, $"abctl: ActorBroker management endpoint at {server.Endpoint} failed: HTTP 500 Internal Server Error: journal unavailable\n"),
            (failing.ExitCode, failing.Error));
    }

    [Fact]
    public async Task Interface_study_and_action_commands_over_real_http()
    {
        await using var server = new MiniHttpServer()
            .On("/api/interfaces", ContractJson.Interfaces)
            .On("/api/interfaces/ehr", ContractJson.Interface)
            .On("/api/studies/1.2.3", ContractJson.Study)
            .OnPost("/api/interfaces/ehr/messages/ehr-000000000042/retry", """{"id":"ehr-000000000042","state":"pending"}""")
            .OnPost("/api/interfaces/ehr/messages/ehr-000000000042/discard", """{"id":"ehr-000000000042","state":"discarded"}""")
            .OnPost("/api/exceptions/EX-000001/replay", """{"id":"EX-000001","outcome":"rejected","detail":"unknown order control 'XX'"}""")
            .OnPost("/api/exceptions/EX-000009/replay", ContractJson.Error("exception EX-000009 not found"), 404, "Not Found")
            .OnPost("/api/interfaces/ehr/messages/ehr-000000000043/discard", ContractJson.Error("message ehr-000000000043 is in flight"), 409, "Conflict");

        var list = await Run(server, "interface", "list");
        var show = await Run(server, "interface", "show", "ehr");
        var study = await Run(server, "study", "show", "1.2.3");
        var retry = await Run(server, "interface", "retry", "ehr", "ehr-000000000042");
        var discard = await Run(server, "interface", "discard", "ehr", "ehr-000000000042");
        var replay = await Run(server, "exceptions", "replay", "EX-000001");
        var missing = await Run(server, "exceptions", "replay", "EX-000009");
        var refused = await Run(server, "interface", "discard", "ehr", "ehr-000000000043");
        var getIsNotPost = await Run(server, "interface", "retry", "ehr", "ehr-000000000044");

        Assert.All([list, show, study, retry, discard], r => Assert.Equal((0, ""), (r.ExitCode, r.Error)));
        Assert.Contains("\nehr     outbound   hl7-mllp  127.0.0.1:2576  connected  yes            3          1       1     12s        4  AE from receiver: unknown order\n", list.Out, StringComparison.Ordinal);
        Assert.Contains("\nehr-000000000042  parked            3  2026-11-28 09:59:00 +00:00", show.Out, StringComparison.Ordinal);
        Assert.Contains("\n2.25.1  COMPLETED  CT01     CT        2026-11-28 10:15:00  2026-11-28 10:30:00  MAINHOSP|ACC1\n", study.Out, StringComparison.Ordinal);
        Assert.Equal("message ehr-000000000042 queued for retry\n", retry.Out);
        Assert.Equal("message ehr-000000000042 discarded\n", discard.Out);
        Assert.Equal((4, "exception EX-000001 replayed: rejected (unknown order control 'XX')\n", ""), (replay.ExitCode, replay.Out, replay.Error));
        Assert.Equal((1, "abctl: exception EX-000009 not found\n"), (missing.ExitCode, missing.Error));
        Assert.Equal((4, "abctl: message ehr-000000000043 is in flight\n"), (refused.ExitCode, refused.Error));
        Assert.Equal((1, "abctl: no message ehr-000000000044 on interface ehr\n"), (getIsNotPost.ExitCode, getIsNotPost.Error));

        var post = server.Requests.First(r => r.StartsWith("POST /api/interfaces/ehr/messages/ehr-000000000042/retry HTTP/1.1\r\n", StringComparison.Ordinal));
        Assert.Contains("Content-Length: 0\r\n", post, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", post, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.StartsWith("GET /api/interfaces/ehr HTTP/1.1\r\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_action_without_an_answer_says_it_may_still_have_been_carried_out()
    {
        await using var server = new MiniHttpServer { Silent = true };
        var runtime = new CliRuntime(null, name => name == "ABCTL_ENDPOINT" ? server.Endpoint : null, TimeSpan.FromMilliseconds(300));

        var result = await Abctl.RunAsync(runtime, "exceptions", "replay", "EX-000001");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(
            $"abctl: cannot reach ActorBroker management endpoint at {server.Endpoint}: no answer within 0.3 s; the broker may still have carried out the request\n",
            result.Error);
    }

    [Fact]
    public async Task Something_that_is_not_http_on_the_port_exits_3()
    {
        await using var server = new MiniHttpServer { Garbage = Encoding.ASCII.GetBytes("\u000bMSH|^~\\&|not http\r\u001c\r") };

        var result = await Run(server, "health");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"abctl: cannot reach ActorBroker management endpoint at {server.Endpoint}: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_endpoint_times_out_with_exit_3()
    {
        await using var server = new MiniHttpServer { Silent = true };
        var runtime = new CliRuntime(null, name => name == "ABCTL_ENDPOINT" ? server.Endpoint : null, TimeSpan.FromMilliseconds(300));

        var result = await Abctl.RunAsync(runtime, "health");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"abctl: cannot reach ActorBroker management endpoint at {server.Endpoint}: no answer within 0.3 s\n", result.Error);
    }
}
