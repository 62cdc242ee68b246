using System.Net;
using System.Net.Sockets;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class FailureTests
{
    /// <summary>A loopback port that nothing listens on: bound by us, then released.</summary>
    private static int FreedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [InlineData("health")]
    [InlineData("orders", "list")]
    [InlineData("order", "show", "ACC1")]
    [InlineData("exceptions", "show", "EX-000001", "--json")]
    [InlineData("interface", "list")]
    [InlineData("interface", "show", "ehr")]
    [InlineData("interface", "retry", "ehr", "ehr-000000000042")]
    [InlineData("interface", "discard", "ehr", "ehr-000000000042", "--json")]
    [InlineData("study", "show", "1.2.3")]
    [InlineData("exceptions", "replay", "EX-000001")]
    public async Task Connection_refused_exits_3_with_a_clear_message_through_the_real_http_client(params string[] command)
    {
        var port = FreedPort();

        var result = await Abctl.RunAsync(handler: null, new Dictionary<string, string>(), [.. command, "--endpoint", $"127.0.0.1:{port}"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal($"abctl: cannot reach ActorBroker management endpoint at 127.0.0.1:{port}: connection refused\n", result.Error);
    }

    [Fact]
    public async Task Connection_refused_through_the_public_entry_point_and_the_environment_default()
    {
        var port = FreedPort();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["--endpoint", $"127.0.0.1:{port}", "health"], stdout, stderr);

        Assert.Equal(ExitCodes.Unavailable, exit);
        Assert.Contains($"cannot reach ActorBroker management endpoint at 127.0.0.1:{port}: connection refused", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_error_exits_3_with_status_and_message()
    {
        var handler = new FakeHandler().On("/api/orders/ACC1", ContractJson.Error("Ask timed out on [akka://broker/user/orders]"), HttpStatusCode.InternalServerError);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC1");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 500 Internal Server Error: Ask timed out on [akka://broker/user/orders]\n", result.Error);
    }

    [Fact]
    public async Task Server_error_without_a_json_body()
    {
        var handler = new FakeHandler().On("/api/health", () => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>down</html>") });

        var result = await Abctl.RunAsync(handler, "health");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 503 Service Unavailable\n", result.Error);
    }

    [Fact]
    public async Task A_success_that_is_not_json_exits_3()
    {
        var handler = new FakeHandler().On("/api/orders", "<html>a login page</html>");

        var result = await Abctl.RunAsync(handler, "orders", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("abctl: ActorBroker management endpoint at 127.0.0.1:9110 answered /api/orders with something that is not JSON\n", result.Error);
    }

    [Fact]
    public async Task A_handler_failure_is_reported_without_a_stack_trace()
    {
        var handler = new FakeHandler().On("/api/health", () => throw new HttpRequestException(
            HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9110)", new SocketException((int)SocketError.ConnectionRefused)));

        var result = await Abctl.RunAsync(handler, "health");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("abctl: cannot reach ActorBroker management endpoint at 127.0.0.1:9110: connection refused\n", result.Error);
    }

    [Fact]
    public async Task A_bug_is_one_line_unless_debugging()
    {
        var handler = new FakeHandler().On("/api/health", () => throw new InvalidOperationException("boom"));

        var quiet = await Abctl.RunAsync(handler, "health");
        var debug = await Abctl.RunAsync(handler, new Dictionary<string, string> { ["ABCTL_DEBUG"] = "1" }, "health");

        Assert.Equal(3, quiet.ExitCode);
        Assert.Equal("abctl: unexpected error: InvalidOperationException: boom (set ABCTL_DEBUG=1 for details)\n", quiet.Error);
        Assert.Contains("   at ", debug.Error, StringComparison.Ordinal);
    }
}
