using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class EndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9110", "127.0.0.1", 9110, "http://127.0.0.1:9110/")]
    [InlineData("localhost:9200", "localhost", 9200, "http://localhost:9200/")]
    [InlineData("broker-01.rad.example.org", "broker-01.rad.example.org", 9110, "http://broker-01.rad.example.org:9110/")]
    [InlineData("[::1]:9111", "::1", 9111, "http://[::1]:9111/")]
    [InlineData("http://10.1.2.3:9110/", "10.1.2.3", 9110, "http://10.1.2.3:9110/")]
    public void Parses(string text, string host, int port, string uri)
    {
        Assert.True(BrokerEndpoint.TryParse(text, out var endpoint));
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(new Uri(uri), endpoint.BaseUri);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":9110")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:port")]
    [InlineData("::1")]
    [InlineData("https://host:9110")]
    [InlineData("host:9110/api")]
    [InlineData("bad host:9110")]
    public void Rejects(string text) => Assert.False(BrokerEndpoint.TryParse(text, out _));

    [Fact]
    public async Task Default_is_127_0_0_1_port_9110()
    {
        var handler = new FakeHandler().On("/api/health", ContractJson.Health);

        await Abctl.RunAsync(handler, "health");

        Assert.Equal(new Uri("http://127.0.0.1:9110/api/health"), handler.LastUri);
    }

    [Fact]
    public async Task Environment_variable_sets_the_default_and_the_option_wins_over_it()
    {
        var environment = new Dictionary<string, string> { ["ABCTL_ENDPOINT"] = "10.9.8.7:9300" };
        var handler = new FakeHandler().On("/api/health", ContractJson.Health);

        await Abctl.RunAsync(handler, environment, "health");
        Assert.Equal(new Uri("http://10.9.8.7:9300/api/health"), handler.LastUri);

        await Abctl.RunAsync(handler, environment, "health", "--endpoint", "127.0.0.2:9400");
        Assert.Equal(new Uri("http://127.0.0.2:9400/api/health"), handler.LastUri);
    }

    [Fact]
    public async Task Invalid_endpoint_is_a_usage_error_naming_its_source()
    {
        var environment = new Dictionary<string, string> { ["ABCTL_ENDPOINT"] = "nope:99999" };

        var fromOption = await Abctl.RunAsync(new FakeHandler(), new Dictionary<string, string>(), "--endpoint", "x:y", "health");
        var fromEnvironment = await Abctl.RunAsync(new FakeHandler(), environment, "health");

        Assert.Equal(2, fromOption.ExitCode);
        Assert.Equal("abctl: invalid endpoint 'x:y' (from --endpoint): expected HOST:PORT, e.g. 127.0.0.1:9110\n", fromOption.Error);
        Assert.Equal(2, fromEnvironment.ExitCode);
        Assert.Contains("'nope:99999' (from ABCTL_ENDPOINT)", fromEnvironment.Error, StringComparison.Ordinal);
    }
}
