using System.Net;
using System.Net.Sockets;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// Two broker processes forming one Akka.Cluster on one PostgreSQL journal (how a health system outgrows one machine):
/// an order received by either node is seen by both (each node's read models poll the shared journal), and a change
/// sent to the other node reaches the same sharded order entity, wherever the cluster placed it.
/// </summary>
public sealed class PostgresClusterInteropTests : IDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dirA = new("pg-a");
    private readonly TempDirectory _dirB = new("pg-b");

    [SkippableFact]
    public async Task Two_nodes_on_one_PostgreSQL_journal_share_orders_and_route_changes_to_one_entity()
    {
        await using var pg = await Postgres.CreateDatabaseAsync();
        var (portA, portB) = (FreePort(), FreePort());
        string[] Node(string name, int port) =>
        [
            "actor-broker.persistence.provider = postgresql",
            $"actor-broker.persistence.connection-string = \"{pg.ConnectionString}\"",
            $"actor-broker.node-name = {name}",
            $"akka.remote.dot-netty.tcp.port = {port}",
            $"akka.cluster.seed-nodes = [\"akka.tcp://actorbroker@127.0.0.1:{portA}\"]",
        ];

        await using var a = await BrokerProcess.StartAsync(_dirA.Path, Node("node-a", portA));
        await using var b = await BrokerProcess.StartAsync(_dirB.Path, Node("node-b", portB));
        using var apiA = new BrokerApi(a.ManagementEndpoint);
        using var apiB = new BrokerApi(b.ManagementEndpoint);
        // One cluster of two: each node lists both as Up (GET /api/health, "cluster").
        foreach (var api in new[] { apiA, apiB })
        {
            await Eventually.MatchesAsync(
                api.HealthAsync,
                h => h.GetProperty("cluster").GetProperty("members").EnumerateArray().Count(m => m.GetProperty("status").GetString() == "Up") == 2,
                last => "two members Up; last health: " + last.GetRawText(),
                TimeSpan.FromSeconds(60));
        }

        var run = OrderMessageFactory.NewRunTag();
        var onA = OrderMessageFactory.New(run, 1, 0);
        var onB = OrderMessageFactory.New(run, 2, 0);

        await SendAsync(a, onA);
        await SendAsync(b, onB);
        foreach (var (api, order) in new[] { (apiA, onB), (apiB, onA), (apiA, onA), (apiB, onB) })
        {
            await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.EventTypes().Count == 1, "placed, seen by both nodes");
        }

        // The change goes to the node that did not receive the order: the cluster routes it to the one entity.
        await SendAsync(b, OrderMessageFactory.Change(onA));
        var changed = await apiA.WaitForOrderAsync(onA.Accession, "MAINHOSP", o => o.EventTypes().Count == 2, "placed, then changed through the other node");
        Assert.True(changed.EventTypes().SequenceEqual(["OrderPlaced", "OrderChanged"]), changed.GetRawText() + "\nA:\n" + a.Output + "\nB:\n" + b.Output);
        Assert.Equal(OrderMessageFactory.ChangedStart, Assert.Single(changed.Array("scheduledSteps")).Str("start"));
        await apiB.WaitForOrderAsync(onA.Accession, "MAINHOSP", o => o.EventTypes().Count == 2, "the change seen by the other node too");
    }

    public void Dispose()
    {
        _dirA.Dispose();
        _dirB.Dispose();
    }

    private static async Task SendAsync(BrokerProcess node, GeneratedOrder message)
    {
        await using var client = await MllpClient.ConnectAsync(node.Hl7Orders.Address.ToString(), node.Hl7Orders.Port);
        var reply = AckReply.Parse(await client.SendAsync(message.Bytes).WaitAsync(AckTimeout));
        Assert.True(reply.Code == AckCode.AA, $"{message.ControlId}: {reply}\n{node.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
