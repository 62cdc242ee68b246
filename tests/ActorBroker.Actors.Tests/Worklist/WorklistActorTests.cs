using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;
using ActorBroker.Actors.Settings;
using ActorBroker.Actors.Worklist;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Worklist;

/// <summary>The order read model's worklist projection over the real SQLite journal: live updates from the local publish, rebuild from the journal (read directly, or through the read journal when that fails).</summary>
public sealed class WorklistActorTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 14, 30, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-worklist-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Orders_feed_the_index_live_and_a_new_incarnation_rebuilds_it_from_the_journal()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        using (var kit = new TestKit(Start(settings)))
        using (var index = new WorklistIndex())
        {
            var worklist = kit.Sys.ActorOf(OrderReadModelActor.GetProps(PersistenceSetup.QueryId, SampleOrders.Sites, index, JournalTagReader.For(settings, _dir)));
            await WriteAsync(kit, "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "omi-o23-two-steps.hl7");

            // Live: the local publish reaches the index without waiting for the journal poll.
            await kit.AwaitAssertAsync(() => Assert.Equal(4, index.Count), TimeSpan.FromSeconds(10));
            Assert.Equal(["ACC20001"], index.Query(Query(modality: "CT"), "MAINHOSP").Select(e => e.Item.AccessionNumber));
            Assert.Equal(2, index.CountForStation("NORTHCLINIC", "NCUS02"));

            // A cancel removes the order's item; the actor answers queries too.
            await WriteAsync(kit, "orm-o01-cancel.hl7");
            await kit.AwaitAssertAsync(() => Assert.Equal(3, index.Count), TimeSpan.FromSeconds(10));
            var result = await worklist.Ask<WorklistQueryResult>(new QueryWorklist(Query(), "MAINHOSP"), TimeSpan.FromSeconds(5));
            Assert.Equal(["ACC20001"], result.Items.Select(e => e.Item.AccessionNumber));
            await kit.Sys.Terminate();
        }

        // A new actor system: the index is rebuilt from the journal alone, read directly (two rows a page, so the
        // rebuild spans pages) or, when that reader fails, through the plugin's read journal.
        await RebuildAsync(settings, JournalTagReader.For(settings, _dir, pageSize: 2), fallsBack: false);
        var broken = new JournalTagReader(Microsoft.Data.Sqlite.SqliteFactory.Instance, "Data Source=" + Path.Combine(_dir, "missing", "none.db") + ";Mode=ReadOnly");
        await RebuildAsync(settings, broken, fallsBack: true);
    }

    // A node alone does not poll the journal (pollAlways: false): its rebuild and its own publish must leave nothing out.
    [Fact]
    public async Task Alone_the_read_model_applies_what_was_published_during_its_rebuild_once_the_rebuild_is_done()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        using (var kit = new TestKit(Start(settings)))
        {
            await WriteAsync(kit, "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "omi-o23-two-steps.hl7");
            await kit.Sys.Terminate();
        }

        // The cancel's events, as the order's entity publishes them right after journaling them: they reach the new
        // read model before its rebuild has applied the order's first event (they are in its mailbox at start).
        var cancel = SampleOrders.Command("orm-o01-cancel.hl7", At);
        var accepted = Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(await StateAsync(cancel.Key), cancel));
        using var again = new TestKit(Start(settings));
        using var index = new WorklistIndex();
        var model = again.Sys.ActorOf(OrderReadModelActor.GetProps(PersistenceSetup.QueryId, SampleOrders.Sites, index, JournalTagReader.For(settings, _dir), pollAlways: false));
        var seq = _seqs[cancel.Key];
        foreach (var e in accepted.Events)
        {
            model.Tell(new OrderEventJournaled(OrderEntityIds.PersistenceIdFor(cancel.Key.EntityId), ++seq, e));
        }

        await again.AwaitAssertAsync(
            async () => Assert.True((await model.Ask<WorklistStatus>(GetWorklistStatus.Instance, TimeSpan.FromSeconds(5))).Rebuilt),
            TimeSpan.FromSeconds(15));
        var states = await model.Ask<OrderList>(new ListOrders(null, null, 100), TimeSpan.FromSeconds(5));
        Assert.Equal(3, index.Count);
        Assert.Equal(OrderState.Cancelled, Assert.Single(states.Orders, o => o.Key == cancel.Key).State);
        await again.Sys.Terminate();
    }

    private async Task RebuildAsync(PersistenceSettings settings, JournalTagReader reader, bool fallsBack)
    {
        using var kit = new TestKit(Start(settings));
        using var index = new WorklistIndex();
        await kit.EventFilter.Warning(contains: "reading the journal directly failed").ExpectAsync(fallsBack ? 1 : 0, async () =>
        {
            var worklist = kit.Sys.ActorOf(OrderReadModelActor.GetProps(PersistenceSetup.QueryId, SampleOrders.Sites, index, reader));
            await kit.AwaitAssertAsync(
                async () => Assert.True((await worklist.Ask<WorklistStatus>(GetWorklistStatus.Instance, TimeSpan.FromSeconds(5))).Rebuilt),
                TimeSpan.FromSeconds(15));
            var status = await worklist.Ask<WorklistStatus>(GetWorklistStatus.Instance, TimeSpan.FromSeconds(5));
            Assert.Equal((3, 2, 3), (status.Items, status.OrdersListed, status.OrdersSeen));
            Assert.True(index.IsComplete, "the rebuilt index did not say it is complete (C-FINDs would be refused)");
            Assert.Equal(["SPS30001A", "SPS30001B"], index.Query(Query(modality: "US")).Select(e => e.Item.SpsId));
        });
        await kit.Sys.Terminate();
    }

    private async Task WriteAsync(TestKit kit, params string[] samples)
    {
        foreach (var sample in samples)
        {
            var command = SampleOrders.Command(sample, At);
            var key = command.Key;
            var writer = kit.Sys.ActorOf(JournalWriter.GetProps(key.EntityId, publish: true));
            var decision = OrderDecider.Decide(await StateAsync(key), command);
            var accepted = Assert.IsType<OrderDecision.Accepted>(decision);
            foreach (var e in accepted.Events)
            {
                _seqs[key] = await writer.Ask<long>(e, TimeSpan.FromSeconds(10));
                _states[key] = OrderDecider.Apply(await StateAsync(key), e);
            }

            kit.Sys.Stop(writer);
        }
    }

    // What each order's entity would hold: the decider needs the state before a command.
    private readonly Dictionary<OrderKey, OrderSnapshot> _states = [];
    private readonly Dictionary<OrderKey, long> _seqs = [];

    private Task<OrderSnapshot> StateAsync(OrderKey key) =>
        Task.FromResult(_states.TryGetValue(key, out var s) ? s : OrderSnapshot.Empty(key));

    private ActorSystem Start(PersistenceSettings settings)
    {
        var config = PersistenceSetup.Hocon(settings, _dir)
            .WithFallback(ConfigurationFactory.ParseString($$"""
                akka.loglevel = WARNING
                akka.loggers = ["Akka.TestKit.TestEventListener, Akka.TestKit"]
                akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 200ms
                akka.actor {
                  serializers.broker-json = "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}"
                  serialization-bindings { "ActorBroker.Domain.Orders.IOrderEvent, ActorBroker.Domain" = broker-json }
                  serialization-identifiers { "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}" = {{BrokerJsonSerializer.SerializerId}} }
                }
                """))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), PersistenceSetup.DataOptions(settings, _dir));
        return ActorSystem.Create("worklist-" + Guid.NewGuid().ToString("N")[..8], setup);
    }

    private static MwlQuery Query(string modality = "")
    {
        var ds = new DicomDataset().Set(DicomTags.AccessionNumber, DicomVR.SH, "");
        ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset(DicomCharacterSet.Utf8).Set(DicomTags.Modality, DicomVR.CS, modality)]);
        return MwlQuery.Parse(ds);
    }
}
