using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Outbound;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>
/// The outbox over the real SQLite journal: it reads order events tagged "outbound" (written here by a plain
/// persistent actor), renders them with the HL7 selector and delivers them through a transport played by a probe.
/// </summary>
public sealed class OutboxActorTests : SqliteTestKit
{
    private const string Name = "ehr";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);
    private static readonly OrderKey A = new("MAINHOSP", "ACC20001");
    private static readonly OrderKey B = new("MAINHOSP", "ACC20002");
    private static readonly OrderKey C = new("MAINHOSP", "ACC20003");

    private readonly TestProbe _transport;
    private readonly TestProbe _exceptions;
    private readonly OutboxDefinition _definition;

    public OutboxActorTests()
    {
        _transport = CreateTestProbe("transport");
        _exceptions = CreateTestProbe("exceptions");
        _definition = Definition(new OutboxPolicy { AckTimeout = TimeSpan.FromMinutes(1), AePolicy = OutboxErrorAction.Park, JitterFraction = 0 });
    }

    [Fact]
    public async Task Delivers_in_order_per_order_parks_an_AE_while_other_orders_flow_and_obeys_retry_and_discard()
    {
        await WriteAsync(Step(A, "IN PROGRESS"), Step(B, "IN PROGRESS"), Step(A, "COMPLETED"), Step(B, "COMPLETED"));
        var outbox = StartOutbox();
        var transport = await ConnectAsync();

        // Each order's first message; its second waits for the ACK of the first.
        var first = await ExpectDeliveriesAsync(2);
        var aIp = first[A.EntityId];
        var bIp = first[B.EntityId];
        Assert.Equal(("status", "IP"), (aIp.Kind, Orc5(aIp)));
        Assert.Equal(("status", "IP"), (bIp.Kind, Orc5(bIp)));
        Assert.Equal(aIp.MessageControlId, Hl7Message.Parse(aIp.Payload).MessageControlId);

        // AE with the park policy: B's head is parked and raised; B's next message waits; A keeps flowing.
        transport.Tell(new TransportAck(bIp.MessageControlId, "AE", "unknown patient"));
        var parked = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(("outbound:" + Name, bIp.MessageControlId, "fake:2576"), (parked.Source, parked.MessageControlId, parked.Remote));
        Assert.Contains("unknown patient", parked.Reason, StringComparison.Ordinal);
        Assert.Equal(bIp.Payload, parked.Raw);

        transport.Tell(new TransportAck(aIp.MessageControlId, "AA", null));
        var aCm = await _transport.ExpectMsgAsync<TransportDeliver>();
        Assert.Equal((A.EntityId, "CM"), (aCm.OrderKey, Orc5(aCm)));
        transport.Tell(new TransportAck(aCm.MessageControlId, "AA", null));
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));

        var status = await StatusAsync(outbox);
        Assert.Equal((2, 0, 1, 2L, true), (status.QueueDepth, status.InFlight, status.Parked, status.Delivered, status.Connected));
        var parkedView = Assert.Single(status.Messages, m => m.State == "parked");
        Assert.Equal((bIp.MessageControlId, B.EntityId), (parkedView.MessageControlId, parkedView.Order));

        // A re-ACK of a message already delivered names nothing in the queue: ignored.
        transport.Tell(new TransportAck(aIp.MessageControlId, "AA", null));
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        status = await StatusAsync(outbox);
        Assert.Equal((2, 1, 2L), (status.QueueDepth, status.Parked, status.Delivered));

        // Retry: the parked message goes again, byte for byte; a second AE parks it again.
        Assert.Equal(new OutboxCommandReply(parkedView.Id, true, "pending"), await outbox.Ask<OutboxCommandReply>(new RetryOutboxMessage(parkedView.Id), TimeSpan.FromSeconds(3)));
        var resent = await _transport.ExpectMsgAsync<TransportDeliver>();
        Assert.Equal(bIp.MessageControlId, resent.MessageControlId);
        Assert.Equal(bIp.Payload, resent.Payload);
        transport.Tell(new TransportAck(bIp.MessageControlId, "AE", "unknown patient"));
        await _exceptions.ExpectMsgAsync<RecordException>();
        await AwaitAssertAsync(async () => Assert.Equal(1, (await StatusAsync(outbox)).Parked), TimeSpan.FromSeconds(3));

        // Discard: the head is dropped and B's next message goes.
        Assert.Equal(new OutboxCommandReply(parkedView.Id, true, "discarded"), await outbox.Ask<OutboxCommandReply>(new DiscardOutboxMessage(parkedView.Id), TimeSpan.FromSeconds(3)));
        var bCm = await _transport.ExpectMsgAsync<TransportDeliver>();
        Assert.Equal((B.EntityId, "CM"), (bCm.OrderKey, Orc5(bCm)));
        transport.Tell(new TransportAck(bCm.MessageControlId, "AA", null));
        await AwaitAssertAsync(
            async () =>
            {
                var s = await StatusAsync(outbox);
                Assert.Equal((0, 0, 3L, 0), (s.QueueDepth, s.Parked, s.Delivered, s.TotalMessages));
            },
            TimeSpan.FromSeconds(3));

        Assert.Equal(new OutboxCommandReply("nope", false, "unknown"), await outbox.Ask<OutboxCommandReply>(new RetryOutboxMessage("nope"), TimeSpan.FromSeconds(3)));
        Assert.Equal(new OutboxCommandReply("nope", false, "unknown"), await outbox.Ask<OutboxCommandReply>(new DiscardOutboxMessage("nope"), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task An_hl7_outbox_runs_on_the_outboxes_own_thread_that_asks_for_the_link_slice_and_still_delivers()
    {
        await WriteAsync(Step(A, "IN PROGRESS"));
        // This kit's outbox thread slice (SqliteTestKit): a value no other thread of the test process asks for.
        var slice = OutboxThreadSlice;
        var supervisor = Sys.ActorOf(OutboundSupervisor.GetProps([_definition with { OwnThread = true }], _exceptions.Ref, TimeProvider.System));
        var transport = await ConnectAsync();

        var ip = await _transport.ExpectMsgAsync<TransportDeliver>();
        Assert.Equal((A.EntityId, "IP"), (ip.OrderKey, Orc5(ip)));
        transport.Tell(new TransportAck(ip.MessageControlId, "AA", null));
        var outbox = await Sys.ActorSelection(supervisor.Path / ("outbox-" + Name) / "outbox").ResolveOne(TimeSpan.FromSeconds(3));
        Assert.Equal(OutboundSupervisor.OutboxDispatcherId, ((ActorRefWithCell)outbox).Underlying.Props.Dispatcher);
        if (OperatingSystem.IsLinux())
        {
            var thread = Assert.Single(ThreadsWithSlice(slice));
            Assert.Equal("outbox-thread", File.ReadAllText($"/proc/self/task/{thread}/comm").Trim());
        }

        // The thread ends once no outbox is left on it (the dispatcher's shutdown-timeout, 1 s).
        await supervisor.GracefulStop(TimeSpan.FromSeconds(5));
        if (OperatingSystem.IsLinux())
        {
            await AwaitAssertAsync(() => Assert.Empty(ThreadsWithSlice(slice)), TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task An_outbox_not_asking_for_its_own_thread_stays_on_the_default_dispatcher()
    {
        await WriteAsync(Step(A, "IN PROGRESS"));
        var supervisor = Sys.ActorOf(OutboundSupervisor.GetProps([_definition], _exceptions.Ref, TimeProvider.System));
        var transport = await ConnectAsync();
        var ip = await _transport.ExpectMsgAsync<TransportDeliver>();
        transport.Tell(new TransportAck(ip.MessageControlId, "AA", null));

        var outbox = await Sys.ActorSelection(supervisor.Path / ("outbox-" + Name) / "outbox").ResolveOne(TimeSpan.FromSeconds(3));
        Assert.Equal(Akka.Dispatch.Dispatchers.DefaultDispatcherId, ((ActorRefWithCell)outbox).Underlying.Props.Dispatcher);
    }

    private static List<int> ThreadsWithSlice(TimeSpan slice) =>
        Directory.GetDirectories("/proc/self/task")
            .Select(t => int.Parse(Path.GetFileName(t), System.Globalization.CultureInfo.InvariantCulture))
            .Where(tid => ActorBroker.Hl7.Threading.ThreadLatency.TryGetSlice(tid, out var s) && s == slice)
            .ToList();

    [Fact]
    public async Task A_new_incarnation_sends_what_was_not_delivered_once_connected_and_keeps_parked_ones_parked()
    {
        await WriteAsync(Step(A, "IN PROGRESS"), Step(B, "IN PROGRESS"), Step(C, "IN PROGRESS"));
        var outbox = StartOutbox();
        var transport = await ConnectAsync();
        var sent = await ExpectDeliveriesAsync(3);
        // C, the last event read, is delivered (so a re-read of the offset would show); B is parked; A gets no answer.
        transport.Tell(new TransportAck(sent[C.EntityId].MessageControlId, "AA", null));
        transport.Tell(new TransportAck(sent[B.EntityId].MessageControlId, "AE", "bad order"));
        await _exceptions.ExpectMsgAsync<RecordException>();

        // The delivered marker is written asynchronously: wait until the journal has it (and the parked one).
        await AwaitAssertAsync(
            async () =>
            {
                var events = await OutboxJournalAsync();
                Assert.Contains(events, e => e is OutboxDelivered d && d.Ids.Count == 1);
                Assert.Contains(events, e => e is OutboxParked);
            },
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(50));

        Watch(outbox);
        outbox.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(outbox);

        // Nothing goes before the new transport says it is connected; then only A, the same bytes again.
        outbox = StartOutbox();
        var started = await _transport.ExpectMsgAsync<ProbeTransportStarted>();
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        started.Transport.Tell(new TransportConnected("fake:2576"));
        var again = await _transport.ExpectMsgAsync<TransportDeliver>();
        Assert.Equal(sent[A.EntityId].MessageControlId, again.MessageControlId);
        Assert.Equal(sent[A.EntityId].Payload, again.Payload);
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));
        var status = await StatusAsync(outbox);
        Assert.Equal((2, 1, 1, 1L), (status.QueueDepth, status.InFlight, status.Parked, status.Delivered));

        // A lost connection sends the in-flight message back; the reconnect sends it again.
        started.Transport.Tell(new TransportDisconnected("reset by peer"));
        await AwaitAssertAsync(async () => Assert.False((await StatusAsync(outbox)).Connected), TimeSpan.FromSeconds(3));
        status = await StatusAsync(outbox);
        Assert.Equal((0, "disconnected"), (status.InFlight, status.State));
        Assert.Contains("reset by peer", status.LastError, StringComparison.Ordinal);
        started.Transport.Tell(new TransportConnected("fake:2576"));
        Assert.Equal(sent[A.EntityId].MessageControlId, (await _transport.ExpectMsgAsync<TransportDeliver>()).MessageControlId);
        started.Transport.Tell(new TransportAck(sent[A.EntityId].MessageControlId, "AA", null));
        await AwaitAssertAsync(
            async () =>
            {
                var s = await StatusAsync(outbox);
                Assert.Equal((1, 1, 2L), (s.QueueDepth, s.Parked, s.Delivered));
            },
            TimeSpan.FromSeconds(3));
        await _exceptions.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_message_without_an_ACK_is_sent_again_after_the_timeout_and_parked_when_its_attempts_run_out()
    {
        await WriteAsync(Step(A, "IN PROGRESS"));
        var outbox = StartOutbox(Definition(new OutboxPolicy
        {
            AckTimeout = TimeSpan.FromMilliseconds(300),
            BaseDelay = TimeSpan.FromMilliseconds(100),
            JitterFraction = 0,
            MaxAttempts = 2,
        }));
        await ConnectAsync();
        var first = await _transport.ExpectMsgAsync<TransportDeliver>(TimeSpan.FromSeconds(5));
        // The tick (every 250 ms) finds it expired, waits the backoff and sends the same message again.
        var second = await _transport.ExpectMsgAsync<TransportDeliver>(TimeSpan.FromSeconds(3));
        Assert.Equal((first.MessageControlId, first.Payload), (second.MessageControlId, second.Payload));

        var parked = await _exceptions.ExpectMsgAsync<RecordException>(TimeSpan.FromSeconds(3));
        Assert.Contains("parked after 2 attempts", parked.Reason, StringComparison.Ordinal);
        var status = await StatusAsync(outbox);
        Assert.Equal((1, 1, 2), (status.QueueDepth, status.Parked, Assert.Single(status.Messages).Attempts));
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public async Task Events_written_while_the_outbox_runs_are_picked_up_and_events_without_a_notice_are_skipped()
    {
        var outbox = StartOutbox();
        var transport = await ConnectAsync();
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));

        var noNotice = Step(A, "IN PROGRESS") with { Notice = null };
        await WriteAsync(noNotice, Step(B, "IN PROGRESS"));
        var delivered = await _transport.ExpectMsgAsync<TransportDeliver>(TimeSpan.FromSeconds(5));
        Assert.Equal(B.EntityId, delivered.OrderKey);
        transport.Tell(new TransportAck(delivered.MessageControlId, "AA", null));
        await AwaitAssertAsync(async () => Assert.Equal((0, 1L), ((await StatusAsync(outbox)).QueueDepth, (await StatusAsync(outbox)).Delivered)), TimeSpan.FromSeconds(3));
        await _transport.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    private IActorRef StartOutbox(OutboxDefinition? definition = null) =>
        Sys.ActorOf(OutboxActor.GetProps(definition ?? _definition, _exceptions.Ref, TimeProvider.System));

    private OutboxDefinition Definition(OutboxPolicy policy)
    {
        var destination = Hl7DestinationSettings.Read(Name, ConfigurationFactory.ParseString("host = 127.0.0.1\nport = 2576"));
        var format = Hl7OutboundSelector.Format(destination);
        return new OutboxDefinition(
            Name,
            "hl7-mllp",
            "fake:2576",
            OutboundDefinitions.OutboundTag,
            PersistenceSetup.QueryId,
            (e, offset, now) => Hl7OutboundSelector.Select(destination, format, e, offset, now),
            ProbeTransport.GetProps(_transport.Ref),
            policy,
            MaxInFlight: 10);
    }

    private async Task<IActorRef> ConnectAsync()
    {
        var started = await _transport.ExpectMsgAsync<ProbeTransportStarted>();
        started.Transport.Tell(new TransportConnected("fake:2576"));
        return started.Transport;
    }

    private async Task<Dictionary<string, TransportDeliver>> ExpectDeliveriesAsync(int count)
    {
        var byOrder = new Dictionary<string, TransportDeliver>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var d = await _transport.ExpectMsgAsync<TransportDeliver>(TimeSpan.FromSeconds(5));
            Assert.True(byOrder.TryAdd(d.OrderKey, d), $"two messages of order {d.OrderKey} in flight at once");
        }

        return byOrder;
    }

    private async Task WriteAsync(params IOrderEvent[] events)
    {
        var writer = Sys.ActorOf(TaggedEventWriter.GetProps("writer", OrderEntity.TagAll, OutboundDefinitions.OutboundTag));
        foreach (var e in events)
        {
            await writer.Ask<long>(e, TimeSpan.FromSeconds(5));
        }

        Sys.Stop(writer);
    }

    private Task<OutboxStatus> StatusAsync(IActorRef outbox) =>
        outbox.Ask<OutboxStatus>(new GetOutboxStatus(WithMessages: true), TimeSpan.FromSeconds(3));

    private async Task<IReadOnlyList<object>> OutboxJournalAsync()
    {
        var journal = PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(PersistenceSetup.QueryId);
        var envelopes = await journal.CurrentEventsByPersistenceId("outbox-" + Name, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), Sys.Materializer());
        return [.. envelopes.Select(e => e.Event)];
    }

    // ORC-5 of a status message: IP, CM or DC.
    private static string Orc5(TransportDeliver d) =>
        Hl7Message.Parse(d.Payload).Segments.First(s => s.Id == "ORC").Get(5);

    private static ProcedureStepRecorded Step(OrderKey key, string mppsStatus)
    {
        var placed = Assert.IsType<PlaceOrder>(SampleOrders.Command("orm-o01-new-ct.hl7"));
        var details = placed.Details with { Accession = key.Accession };
        var completed = mppsStatus == "COMPLETED";
        var step = new PerformedStep("1.2.3.9." + key.Accession[3..], details.StudyInstanceUid, mppsStatus, "CT01", "CT", "20261128093000", completed ? "20261128094500" : "", null, completed ? 1 : 0, completed ? 3 : 0);
        var notice = OutboundNotices.ForStatus(key, details, completed ? OrderStatusCodes.Completed : OrderStatusCodes.InProcess, "", At);
        return new ProcedureStepRecorded(key, new MessageRef("DICOM", "CT01", $"{step.MppsInstanceUid}|{mppsStatus}", At), step, completed ? OrderState.Completed : OrderState.InProgress, notice);
    }
}
