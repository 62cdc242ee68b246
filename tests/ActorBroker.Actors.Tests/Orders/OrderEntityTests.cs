using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Orders;

public sealed class OrderEntityTests : JournalTestKit
{
    private const string EntityId = "MAINHOSP|ACC20001";

    private IActorRef Spawn(int snapshotEvery = 50) => Sys.ActorOf(OrderEntity.GetProps(EntityId, snapshotEvery));

    [Fact]
    public async Task Place_replies_accepted_only_after_the_event_is_journaled()
    {
        var order = Spawn();
        order.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
        var result = await ExpectMsgAsync<OrderCommandResult>();
        Assert.Equal(OrderOutcome.Accepted, result.Outcome);
        Assert.Equal(OrderState.Scheduled, result.State);
        Assert.Equal(new OrderKey("MAINHOSP", "ACC20001"), result.Key);

        order.Tell(new GetOrderState(result.Key), TestActor);
        var state = await ExpectMsgAsync<OrderStateReply>();
        Assert.True(state.Exists);
        Assert.Equal("093000", state.Snapshot.Details!.ScheduledSteps[0].Start.Time);
    }

    [Fact]
    public async Task The_same_message_again_is_a_duplicate_and_journals_nothing()
    {
        var order = Spawn();
        var place = SampleOrders.Command("orm-o01-new-ct.hl7");
        order.Tell(place, TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        order.Tell(place, TestActor);
        Assert.Equal(OrderOutcome.Duplicate, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);

        // Recovery replays exactly one event: the duplicate added nothing to the journal.
        await WatchAndStop(order);
        var again = Spawn();
        again.Tell(new GetOrderState(place.Key), TestActor);
        var reply = await ExpectMsgAsync<OrderStateReply>();
        Assert.Equal(1, reply.Snapshot.Version);
    }

    [Fact]
    public async Task State_is_rebuilt_from_the_journal_after_a_restart()
    {
        var order = Spawn();
        order.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<OrderCommandResult>();
        order.Tell(SampleOrders.Command("orm-o01-change-time.hl7"), TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        await WatchAndStop(order);

        var recovered = Spawn();
        recovered.Tell(new GetOrderState(new OrderKey("MAINHOSP", "ACC20001")), TestActor);
        var reply = await ExpectMsgAsync<OrderStateReply>();
        Assert.Equal(OrderState.Scheduled, reply.Snapshot.State);
        Assert.Equal("103000", reply.Snapshot.Details!.ScheduledSteps[0].Start.Time);
        Assert.Equal(2, reply.Snapshot.Version);
    }

    [Fact]
    public async Task Recovery_from_a_snapshot_plus_later_events_gives_the_same_state()
    {
        var order = Spawn(snapshotEvery: 1);
        order.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<OrderCommandResult>();
        order.Tell(new GetOrderState(new OrderKey("MAINHOSP", "ACC20001")), TestActor);
        var live = (await ExpectMsgAsync<OrderStateReply>()).Snapshot;
        await WatchAndStop(order);

        var recovered = Spawn(snapshotEvery: 1);
        recovered.Tell(new GetOrderState(live.Key), TestActor);
        Assert.Equal(live, (await ExpectMsgAsync<OrderStateReply>()).Snapshot);
    }

    [Fact]
    public async Task Without_snapshots_an_order_journals_and_recovers_from_its_events_alone()
    {
        var order = Spawn(snapshotEvery: 0);
        order.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        order.Tell(SampleOrders.Command("orm-o01-change-time.hl7"), TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        await WatchAndStop(order);

        var recovered = Spawn(snapshotEvery: 0);
        recovered.Tell(new GetOrderState(new OrderKey("MAINHOSP", "ACC20001")), TestActor);
        var reply = await ExpectMsgAsync<OrderStateReply>();
        Assert.Equal(2, reply.Snapshot.Version);
        Assert.Equal("103000", reply.Snapshot.Details!.ScheduledSteps[0].Start.Time);
    }

    [Fact]
    public async Task An_order_snapshotted_earlier_recovers_the_same_state_with_snapshots_off_and_keeps_appending()
    {
        // Journals written with snapshots on stay readable: the replay from the first event needs no snapshot.
        var order = Spawn(snapshotEvery: 1);
        var place = SampleOrders.Command("orm-o01-new-ct.hl7");
        order.Tell(place, TestActor);
        await ExpectMsgAsync<OrderCommandResult>();
        order.Tell(new GetOrderState(place.Key), TestActor);
        var live = (await ExpectMsgAsync<OrderStateReply>()).Snapshot;
        await WatchAndStop(order);

        var recovered = Spawn(snapshotEvery: 0);
        recovered.Tell(new GetOrderState(place.Key), TestActor);
        Assert.Equal(live, (await ExpectMsgAsync<OrderStateReply>()).Snapshot);
        recovered.Tell(place, TestActor);
        Assert.Equal(OrderOutcome.Duplicate, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        recovered.Tell(SampleOrders.Command("orm-o01-change-time.hl7"), TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        await WatchAndStop(recovered);

        // The change landed after the first event, not over it: both ways of recovering see two events.
        foreach (var snapshotEvery in new[] { 0, 1 })
        {
            var again = Spawn(snapshotEvery);
            again.Tell(new GetOrderState(place.Key), TestActor);
            var reply = await ExpectMsgAsync<OrderStateReply>();
            Assert.Equal(2, reply.Snapshot.Version);
            Assert.Equal("103000", reply.Snapshot.Details!.ScheduledSteps[0].Start.Time);
            await WatchAndStop(again);
        }
    }

    [Fact]
    public async Task A_change_for_an_unknown_order_is_rejected_with_a_reason_and_journals_nothing()
    {
        var order = Spawn();
        order.Tell(SampleOrders.Command("orm-o01-change-time.hl7"), TestActor);
        var result = await ExpectMsgAsync<OrderCommandResult>();
        Assert.Equal(OrderOutcome.Rejected, result.Outcome);
        Assert.NotNull(result.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection!.Reason));
        Assert.Equal(OrderState.None, result.State);
    }

    [Fact]
    public async Task A_failing_journal_answers_failed_and_the_order_recovers_afterwards()
    {
        var order = Spawn();
        Watch(order);
        await WithJournalWrite(write => write.Fail(), async () =>
        {
            order.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
            var result = await ExpectMsgAsync<OrderCommandResult>();
            Assert.Equal(OrderOutcome.Failed, result.Outcome);
            Assert.Contains("journal", result.FailureReason, StringComparison.Ordinal);
            // Akka stops a persistent actor whose write failed; its backoff supervisor restarts it.
            await ExpectTerminatedAsync(order);
        });

        var fresh = Spawn();
        fresh.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
        Assert.Equal(OrderOutcome.Accepted, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
    }

    [Fact]
    public async Task Under_its_backoff_supervisor_a_failed_order_comes_back_and_accepts_the_resend()
    {
        var supervised = Sys.ActorOf(BrokerAkkaSetup.OrderEntityProps(EntityId, 50));
        await WithJournalWrite(write => write.Fail(), async () =>
        {
            supervised.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
            Assert.Equal(OrderOutcome.Failed, (await ExpectMsgAsync<OrderCommandResult>()).Outcome);
        });

        // The resend the AE asked for: the supervisor restarts the child after its backoff.
        await AwaitAssertAsync(async () =>
        {
            supervised.Tell(SampleOrders.Command("orm-o01-new-ct.hl7"), TestActor);
            var r = await ExpectMsgAsync<OrderCommandResult>(TimeSpan.FromMilliseconds(500));
            // A resend that waited in a mailbox may have been accepted already: then this one is its duplicate.
            Assert.Contains(r.Outcome, new[] { OrderOutcome.Accepted, OrderOutcome.Duplicate });
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
    }

    private async Task WatchAndStop(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(actor);
    }
}
