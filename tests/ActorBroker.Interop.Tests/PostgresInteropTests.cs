using System.Text.Json;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// The broker on a real PostgreSQL 15 journal (Akka.Persistence.Sql through Npgsql, the multi-node setup's store):
/// orders placed and changed over MLLP are journaled there, and a restart rebuilds the order list and the worklist from
/// it by events-by-tag, the queries TagQueryRewriter repairs (here in PostgreSQL's spelling).
/// </summary>
public sealed class PostgresInteropTests : IDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dataDir = new("pg");

    [SkippableFact]
    public async Task Orders_journaled_on_PostgreSQL_are_served_again_after_a_restart()
    {
        await using var pg = await Postgres.CreateDatabaseAsync();
        string[] settings =
        [
            "actor-broker.persistence.provider = postgresql",
            $"actor-broker.persistence.connection-string = \"{pg.ConnectionString}\"",
        ];
        var run = OrderMessageFactory.NewRunTag();
        var orders = Enumerable.Range(0, 3).Select(i => OrderMessageFactory.New(run, 0, i)).ToList();

        await using (var first = await BrokerProcess.StartAsync(_dataDir.Path, settings))
        {
            await using (var client = await MllpClient.ConnectAsync(first.Hl7Orders.Address.ToString(), first.Hl7Orders.Port))
            {
                foreach (var message in orders.Concat([OrderMessageFactory.Change(orders[0])]))
                {
                    var reply = AckReply.Parse(await client.SendAsync(message.Bytes).WaitAsync(AckTimeout));
                    Assert.True(reply.Code == AckCode.AA, $"{message.ControlId}: {reply}\n{first.Output}");
                }
            }

            using var api = new BrokerApi(first.ManagementEndpoint);
            await api.WaitForOrderAsync(orders[0].Accession, "MAINHOSP", o => o.EventTypes().Count == 2, "placed, then changed");
        }

        await using var second = await BrokerProcess.StartAsync(_dataDir.Path, settings);
        using var again = new BrokerApi(second.ManagementEndpoint);
        var changed = await again.WaitForOrderAsync(orders[0].Accession, "MAINHOSP", o => o.EventTypes().Count == 2, "placed, then changed, after the restart");
        Assert.True(changed.EventTypes().SequenceEqual(["OrderPlaced", "OrderChanged"]), changed.GetRawText());
        Assert.Equal(OrderMessageFactory.ChangedStart, Assert.Single(changed.Array("scheduledSteps")).Str("start"));

        // The worklist is rebuilt from the PostgreSQL journal (the read model never wakes the orders)
        var modalities = await Eventually.MatchesAsync(
            () => again.GetOrNullAsync("api/modalities"),
            m => m is { } j && j.GetProperty("worklist").GetProperty("status").GetString() == "ready",
            last => "worklist ready after the restart; last answer: " + (last is { } j ? j.GetRawText() : "none"));
        var worklist = modalities!.Value.GetProperty("worklist");
        Assert.Equal(orders.Count, worklist.GetProperty("items").GetInt32());
        // ... read directly from PostgreSQL's journal and tags tables (JournalTagReader), not through the fallback.
        Assert.DoesNotContain("reading the journal directly failed", second.Output, StringComparison.Ordinal);
        var orderList = await again.OrdersAsync("MAINHOSP");
        var listed = orderList.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("accession").GetString() ?? "").ToHashSet();
        Assert.Subset(orders.Select(o => o.Accession).ToHashSet(), listed);
    }

    public void Dispose() => _dataDir.Dispose();
}
