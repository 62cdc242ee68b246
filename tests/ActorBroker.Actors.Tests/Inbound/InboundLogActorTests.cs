using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Inbound;
using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using ActorBroker.Hl7;
using Akka.Actor;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Inbound;

public sealed class InboundLogActorTests : JournalTestKit
{
    private const string Pid = "inbound-test-orders";

    private (IActorRef Log, TestProbe Orders, TestProbe Exceptions) Spawn(int maxInFlight = 64, int snapshotEvery = 5_000, ApplyGate? gate = null, TimeProvider? time = null)
    {
        var orders = CreateTestProbe();
        var exceptions = CreateTestProbe();
        var log = Sys.ActorOf(InboundLogActor.GetProps(Pid, "hl7:orders", orders.Ref, exceptions.Ref, time ?? TimeProvider.System, maxInFlight, snapshotEvery, gate));
        return (log, orders, exceptions);
    }

    private static LogInbound Entry(string sample)
    {
        var c = SampleOrders.Command(sample);
        return new LogInbound(c.Message, [c], "127.0.0.1:4000", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", sample)));
    }

    private static OrderCommandResult Accepted(IOrderCommand c) => new(c.Key, OrderOutcome.Accepted, OrderState.Scheduled, null, null);

    [Fact]
    public async Task Replies_logged_then_delivers_the_command_to_its_order()
    {
        var (log, orders, _) = Spawn();
        var entry = Entry("orm-o01-new-ct.hl7");
        log.Tell(entry, TestActor);
        var logged = await ExpectMsgAsync<InboundLogged>();
        Assert.False(logged.Duplicate);
        Assert.Equal(1, logged.SequenceNr);
        var delivered = await orders.ExpectMsgAsync<PlaceOrder>();
        Assert.Equal("ACC20001", delivered.Key.Accession);
    }

    [Fact]
    public async Task The_same_message_again_is_answered_as_a_duplicate_and_not_delivered_twice()
    {
        var (log, orders, _) = Spawn();
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        Assert.False((await ExpectMsgAsync<InboundLogged>()).Duplicate);
        Assert.True((await ExpectMsgAsync<InboundLogged>()).Duplicate);
        await orders.ExpectMsgAsync<PlaceOrder>();
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Commands_for_one_order_go_one_at_a_time_in_log_order()
    {
        var (log, orders, _) = Spawn();
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        log.Tell(Entry("orm-o01-change-time.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        await ExpectMsgAsync<InboundLogged>();

        var place = await orders.ExpectMsgAsync<PlaceOrder>();
        // The change waits until the order answered the placement.
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        log.Tell(Accepted(place), orders.Ref);
        await orders.ExpectMsgAsync<ChangeOrder>();
    }

    [Fact]
    public async Task Different_orders_do_not_wait_for_each_other()
    {
        var (log, orders, _) = Spawn();
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        log.Tell(Entry("orm-o01-new-mr-latin1.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        await ExpectMsgAsync<InboundLogged>();
        var first = await orders.ExpectMsgAsync<PlaceOrder>();
        var second = await orders.ExpectMsgAsync<PlaceOrder>();
        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public async Task After_a_restart_everything_not_yet_applied_is_delivered_again()
    {
        var (log, orders, _) = Spawn();
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        await orders.ExpectMsgAsync<PlaceOrder>(); // never answered: as if the process died here

        Watch(log);
        log.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(log);

        var (again, ordersAgain, _) = Spawn();
        var redelivered = await ordersAgain.ExpectMsgAsync<PlaceOrder>();
        Assert.Equal("ACC20001", redelivered.Key.Accession);

        // A resend of the same message after the restart is still known.
        again.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        Assert.True((await ExpectMsgAsync<InboundLogged>()).Duplicate);
    }

    [Fact]
    public async Task A_snapshot_keeps_only_what_is_still_to_deliver_and_a_restart_from_it_delivers_exactly_that()
    {
        var (log, orders, _) = Spawn(snapshotEvery: 2);
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        var first = await orders.ExpectMsgAsync<PlaceOrder>();
        orders.Reply(Accepted(first)); // applied: done, though no checkpoint has passed it yet
        log.Tell(Entry("orm-o01-new-mr-latin1.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>(); // the second event: the snapshot is taken
        await orders.ExpectMsgAsync<PlaceOrder>(); // never answered

        // The applied first message is not in it (the 1 s checkpoint tick may even have passed it before the snapshot).
        var snapshot = await AwaitSnapshotAsync();
        Assert.DoesNotContain(1L, snapshot.Pending.Select(p => p.SequenceNr));
        Assert.NotEmpty(snapshot.RecentMessageKeys);

        Watch(log);
        log.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(log);
        var (again, ordersAgain, _) = Spawn(snapshotEvery: 2);
        var redelivered = await ordersAgain.ExpectMsgAsync<PlaceOrder>();
        Assert.Equal("ACC20002", redelivered.Key.Accession);
        ordersAgain.Reply(Accepted(redelivered));
        await ordersAgain.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300)); // the applied first order is not sent again
        again.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        Assert.True((await ExpectMsgAsync<InboundLogged>()).Duplicate);
    }

    private async Task<InboundLogSnapshot> AwaitSnapshotAsync()
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        InboundLogSnapshot? found = null;
        await AwaitAssertAsync(async () =>
        {
            var result = await store.Ask<Akka.Persistence.LoadSnapshotResult>(
                new Akka.Persistence.LoadSnapshot(Pid, Akka.Persistence.SnapshotSelectionCriteria.Latest, long.MaxValue), TimeSpan.FromSeconds(3));
            found = Assert.IsType<InboundLogSnapshot>(result.Snapshot?.Snapshot);
        }, TimeSpan.FromSeconds(10));
        return found!;
    }

    [Fact]
    public async Task A_command_the_order_refuses_after_the_ack_becomes_an_exception_with_the_raw_message()
    {
        var (log, orders, exceptions) = Spawn();
        var entry = Entry("orm-o01-change-time.hl7");
        log.Tell(entry, TestActor);
        await ExpectMsgAsync<InboundLogged>();
        var change = await orders.ExpectMsgAsync<ChangeOrder>();
        orders.Reply(new OrderCommandResult(change.Key, OrderOutcome.Rejected, OrderState.None,
            new OrderRejection("order ACC20001 does not exist", Hl7ErrorCode.UnknownKeyIdentifier, new Hl7Location("ORC", 1, 2)), null));
        var record = await exceptions.ExpectMsgAsync<RecordException>();
        Assert.Contains("does not exist", record.Reason, StringComparison.Ordinal);
        Assert.Equal("ORC-2", record.Location);
        Assert.Equal(entry.Raw, record.Raw);
    }

    [Fact]
    public async Task A_failing_journal_gives_no_logged_reply()
    {
        var (log, _, _) = Spawn();
        Watch(log);
        await WithJournalWrite(w => w.Fail(), async () =>
        {
            log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
            // The write failed: no "logged" (the handler answers AE 207 on its timeout) and the
            // log stops for its backoff supervisor to restart.
            await ExpectTerminatedAsync(log);
        });
    }

    [Fact]
    public async Task During_a_burst_the_ack_comes_at_once_and_the_order_gets_its_command_when_the_burst_is_over()
    {
        // Any message at all is a burst for this gate (1 a second); two quiet rate windows end it. The gate's clock
        // moves only when the test moves it; the log looks again every window of real time meanwhile.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var (log, orders, _) = Spawn(gate: new ApplyGate(1, 1_000), time: clock);
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        var status = await StatusAsync(log);
        Assert.Equal(1, status.Backlog);
        Assert.True(status.Yielding);
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300)); // three of the log's looks: still a burst

        clock.Advance(ApplyGate.Window * 3);
        var delivered = await orders.ExpectMsgAsync<PlaceOrder>(TimeSpan.FromSeconds(3));
        Assert.Equal("ACC20001", delivered.Key.Accession);
        orders.Reply(Accepted(delivered));
        await AwaitAssertAsync(async () =>
            Assert.Equal(0, (await StatusAsync(log)).Backlog));
    }

    private static Task<InboundLogStatus> StatusAsync(IActorRef log) =>
        log.Ask<InboundLogStatus>(new GetInboundLogStatus(), TimeSpan.FromSeconds(3));

    // A log whose backlog bound is one message, with that one message journaled and delivered, not yet applied.
    private async Task<(IActorRef Log, TestProbe Orders, PlaceOrder First)> SpawnWithFullBacklogAsync()
    {
        var (log, orders, _) = Spawn(gate: new ApplyGate(0, 1));
        log.Tell(Entry("orm-o01-new-ct.hl7"), TestActor);
        await ExpectMsgAsync<InboundLogged>();
        return (log, orders, await orders.ExpectMsgAsync<PlaceOrder>());
    }

    [Fact]
    public async Task With_the_backlog_at_its_bound_a_new_message_waits_for_its_journaling_until_an_order_is_applied()
    {
        var (log, orders, first) = await SpawnWithFullBacklogAsync();

        log.Tell(Entry("orm-o01-new-mr-latin1.hl7"), TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200)); // held: not journaled, no ACK yet
        var status = await StatusAsync(log);
        Assert.Equal(1, status.Held);
        Assert.Equal(1L, status.LastSequenceNr);

        orders.Reply(Accepted(first));
        var logged = await ExpectMsgAsync<InboundLogged>();
        Assert.Equal(2, logged.SequenceNr);
        Assert.Equal("ACC20002", (await orders.ExpectMsgAsync<PlaceOrder>()).Key.Accession);
    }

    [Fact]
    public async Task A_held_message_whose_sender_stopped_waiting_is_dropped_unjournaled()
    {
        var (log, orders, first) = await SpawnWithFullBacklogAsync();

        // Its sender's ACK timeout is already over: it got AE 207 ("not stored, please resend").
        log.Tell(Entry("orm-o01-new-mr-latin1.hl7") with { AnswerBy = DateTimeOffset.UtcNow.AddSeconds(-1) }, TestActor);
        orders.Reply(Accepted(first));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        var status = await StatusAsync(log);
        Assert.Equal((1L, 0, 1L), (status.LastSequenceNr, status.Held, status.HeldExpired));

        // The resend the AE asked for is taken as new.
        log.Tell(Entry("orm-o01-new-mr-latin1.hl7"), TestActor);
        var logged = await ExpectMsgAsync<InboundLogged>();
        Assert.Equal((2L, false), (logged.SequenceNr, logged.Duplicate));
    }

    [Fact]
    public async Task A_freed_place_in_a_full_backlog_lets_in_one_held_message_not_all_of_them()
    {
        var (log, orders, first) = await SpawnWithFullBacklogAsync();
        log.Tell(Entry("orm-o01-new-mr-latin1.hl7"), TestActor);
        log.Tell(Entry("orm-o01-change-time.hl7"), TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        orders.Reply(Accepted(first));
        Assert.Equal(2, (await ExpectMsgAsync<InboundLogged>()).SequenceNr);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200)); // the third waits for the second to be applied
        var status = await StatusAsync(log);
        Assert.Equal((1, 1), (status.Backlog, status.Held));
    }
}
