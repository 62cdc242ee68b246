using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class HealthCommandTests
{
    [Fact]
    public async Task Prints_status_block_and_component_table()
    {
        var handler = new FakeHandler().On("/api/health", ContractJson.Health);

        var result = await Abctl.RunAsync(handler, "health");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            """
            Status:    ok
            Node:      broker-1
            Version:   1.2.0
            Uptime:    2h 03m 04s
            Journal:   sqlite
            Endpoint:  127.0.0.1:9110

            COMPONENT   STATUS     ENDPOINT
            hl7:orders  listening  127.0.0.1:2575
            dicom:mwl   starting   127.0.0.1:11112

            """.ReplaceLineEndings("\n"),
            result.Out);
        Assert.Equal("/api/health", handler.LastUri!.PathAndQuery);
        Assert.Equal("application/json", Assert.Single(handler.Requests[0].Headers.Accept).MediaType);
    }

    [Fact]
    public async Task Cluster_members_follow_with_this_node_the_leader_and_the_unreachable_marked()
    {
        var json = ContractJson.Health.Replace(
            "]}",
            """],"cluster":{"self":"akka.tcp://actorbroker@127.0.0.1:4053","leader":"akka.tcp://actorbroker@127.0.0.1:4053","members":[{"address":"akka.tcp://actorbroker@127.0.0.1:4053","status":"Up"},{"address":"akka.tcp://actorbroker@127.0.0.1:4054","status":"Up"},{"address":"akka.tcp://actorbroker@127.0.0.1:4055","status":"Joining"}],"unreachable":["akka.tcp://actorbroker@127.0.0.1:4054"]}}""",
            StringComparison.Ordinal);
        var handler = new FakeHandler().On("/api/health", json);

        var result = await Abctl.RunAsync(handler, "health");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            """
            dicom:mwl   starting   127.0.0.1:11112

            MEMBER                                 STATUS       ROLE
            akka.tcp://actorbroker@127.0.0.1:4053  Up           this node, leader
            akka.tcp://actorbroker@127.0.0.1:4054  Unreachable  -
            akka.tcp://actorbroker@127.0.0.1:4055  Joining      -

            """.ReplaceLineEndings("\n"),
            result.Out,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Degraded_is_reported_and_still_exits_0()
    {
        var handler = new FakeHandler().On("/api/health", ContractJson.Health.Replace("\"ok\"", "\"degraded\"", StringComparison.Ordinal));

        var result = await Abctl.RunAsync(handler, "health");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Status:    degraded\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_the_servers_document_pretty_printed()
    {
        var handler = new FakeHandler().On("/api/health", ContractJson.Health);

        var result = await Abctl.RunAsync(handler, "health", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{\n  \"status\": \"ok\",\n  \"node\": \"broker-1\",", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"uptimeSeconds\": 7384.4,", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"endpoint\": \"127.0.0.1:2575\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_on_health_means_this_is_not_an_ActorBroker_api()
    {
        var result = await Abctl.RunAsync(new FakeHandler(), "health");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("abctl: ActorBroker management endpoint at 127.0.0.1:9110 answered HTTP 404 Not Found for /api/health", result.Error, StringComparison.Ordinal);
    }
}
