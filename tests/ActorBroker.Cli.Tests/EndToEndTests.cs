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
