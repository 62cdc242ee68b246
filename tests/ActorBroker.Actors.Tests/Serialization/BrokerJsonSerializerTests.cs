using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Serialization;
using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Serialization;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Serialization;

public sealed class BrokerJsonSerializerTests : TestKit
{
    private static readonly MessageRef Msg = new("EPIC", "MAINHOSP", "MSG000001", new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero));
    private static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    private static readonly PerformedStep Step = new("2.25.1", "1.2.3", "IN PROGRESS", "CT01", "CT", "20261128101500", "", null, 0, 0);
    private static readonly ActorBroker.Domain.Reports.ReportContent Report = new("F", ["Findings:", "No bleed, señor."], "RAD^ONE", Msg.ReceivedAt, "ORU", "MSG9");
    private static readonly ActorBroker.Actors.Outbound.OutboxItem OutboxItem = new("ehr-000000000017", "MAINHOSP|ACC20001", "AB000000000017", "status", "ORM^O01 SC/IP", [0x4D, 0x53, 0x48], Msg.ReceivedAt);

    private static readonly ActorBroker.Dicom.Mpps.MppsAttributes Attributes = new(
        "IN PROGRESS", "PPS1", "CT01", "", "", "20261128", "101500", "", "", "CT", "", "", "E1000001", "NÚÑEZ^JOSÉ", "", "", "ISO_IR 192",
        [new ActorBroker.Dicom.Mpps.MppsScheduledStepRef("1.2.3", "ACC20001", "RP1", "SPS1", "", "", "")],
        [new ActorBroker.Dicom.Mpps.MppsPerformedSeries("1.2.3.4", "AX", "ROUTINE", "", 3, 0)],
        new ActorBroker.Dicom.Mpps.MppsCode("110514", "DCM", "Incorrect worklist entry selected"));

    private BrokerJsonSerializer Serializer => new((ExtendedActorSystem)Sys);

    public static TheoryData<string> Samples => new() { "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "omi-o23-two-steps.hl7" };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Placed_orders_round_trip_with_accents_and_steps(string sample)
    {
        var place = (PlaceOrder)SampleOrders.Command(sample);
        var e = new OrderPlaced(place.Key, place.Message, place.Details);
        var back = RoundTrip(e);
        Assert.Equal(e, back);
    }

    [Fact]
    public void Every_event_type_round_trips_under_its_manifest()
    {
        var place = (PlaceOrder)SampleOrders.Command("orm-o01-new-ct.hl7");
        object[] all =
        [
            new OrderPlaced(Key, Msg, place.Details),
            new OrderChanged(Key, Msg, place.Details),
            new OrderCancelled(Key, Msg, "CA"),
            new OrderDiscontinued(Key, Msg, "DC"),
            new OrderHeld(Key, Msg),
            new OrderReleased(Key, Msg),
            new OrderStatusChanged(Key, Msg, OrderState.Completed, "CM"),
            new OrderSnapshot(Key, OrderState.Scheduled, place.Details, 3, ["EPIC|MAINHOSP|MSG000001"], Msg, Msg.ReceivedAt),
            new ExceptionRaised(new ExceptionRecord("EX-000001", Msg.ReceivedAt, "hl7:orders", "ORC-1 ZZ", "ORC-1", "ORM^O01", "MSGBAD3", "AE", "127.0.0.1:5000", Convert.ToBase64String([1, 2, 3]), 3, 1, Msg.ReceivedAt)),
            new ExceptionRepeated("EX-000001", Msg.ReceivedAt),
            new ActorBroker.Actors.Inbound.InboundAccepted("hl7:orders", Msg, [place, new CancelOrder(Key, Msg, "CA")], "127.0.0.1:1", [1, 2, 3]),
            new ActorBroker.Actors.Inbound.InboundCheckpoint(42),
            new ActorBroker.Actors.Inbound.InboundLogSnapshot(42, [new ActorBroker.Actors.Inbound.InboundPending(43, new ActorBroker.Actors.Inbound.InboundAccepted("hl7:orders", Msg, [place], null, [9]))], ["EPIC|MAINHOSP|MSG000001"]),
            // Issue 4 / 5: MPPS, studies, outboxes, reports.
            new ProcedureStepRecorded(Key, Msg, Step, OrderState.InProgress, ActorBroker.Domain.Outbound.OutboundNotices.ForStatus(Key, place.Details, "IP", "1.2.3", Msg.ReceivedAt)),
            new ProcedureStepAwaitingOrder(Key, Msg, Step),
            new ReportRecorded(Key, Msg, Report, OrderState.ReportedFinal, ActorBroker.Domain.Outbound.OutboundNotices.ForResult(Key, place.Details, Report, Msg.ReceivedAt), NoProcedureStepYet: true),
            new ReportAwaitingOrder(Key, Msg, Report),
            new ActorBroker.Actors.Mpps.MppsCreated("2.25.1", "CT01", Attributes, Msg.ReceivedAt, [1, 2], [Key]),
            new ActorBroker.Actors.Mpps.MppsUpdated("2.25.1", "CT01", Attributes with { Status = "COMPLETED" }, Msg.ReceivedAt, [3]),
            new ActorBroker.Actors.Mpps.MppsPropagated(2),
            new ActorBroker.Domain.Studies.StudyMppsRecorded("1.2.3", "2.25.1", "COMPLETED", "CT01", "CT", "20261128101500", "20261128103000", [new ActorBroker.Domain.Studies.StudySeries("1.2.3.4", "AX", 3)], [Key], Msg.ReceivedAt),
            new ActorBroker.Domain.Studies.StudySnapshot("1.2.3", [new ActorBroker.Domain.Studies.StudyMpps("2.25.1", "COMPLETED", "CT01", "CT", "a", "b", ["1.2.3.4"], [Key], Msg.ReceivedAt)], [new ActorBroker.Domain.Studies.StudySeries("1.2.3.4", "AX", 3)], [Key], 1),
            new ActorBroker.Actors.Studies.StudyEntitySnapshot(
                new ActorBroker.Domain.Studies.StudySnapshot("1.2.3", [], [], [Key], 2),
                [new ActorBroker.Actors.Studies.HeldMpps("2.25.1", "CT01", Attributes)]),
            new ActorBroker.Actors.Outbound.OutboxEnqueued([OutboxItem], 17),
            new ActorBroker.Actors.Outbound.OutboxDelivered(["ehr-000000000017"]),
            new ActorBroker.Actors.Outbound.OutboxParked("ehr-000000000017", "AE: unknown order", Msg.ReceivedAt),
            new ActorBroker.Actors.Outbound.OutboxReleased("ehr-000000000017", Msg.ReceivedAt),
            new ActorBroker.Actors.Outbound.OutboxDiscarded("ehr-000000000017", Msg.ReceivedAt),
            new ActorBroker.Actors.Outbound.OutboxJournalSnapshot([OutboxItem], [new ActorBroker.Actors.Outbound.OutboxParked("ehr-000000000017", "AE", Msg.ReceivedAt)], 17, 5),
        ];
        Assert.Equal(ManifestRegistry.Types.Count, all.Length);
        foreach (var e in all)
        {
            var back = RoundTrip(e);
            Assert.Equal(e.GetType(), back.GetType());
            // Records holding lists or byte arrays compare by reference: compare their JSON instead.
            Assert.Equal(System.Text.Encoding.UTF8.GetString(Serializer.ToBinary(e)), System.Text.Encoding.UTF8.GetString(Serializer.ToBinary(back)));
        }

        var commands = ((ActorBroker.Actors.Inbound.InboundAccepted)RoundTrip(all[10])).Commands;
        Assert.IsType<PlaceOrder>(commands[0]);
        Assert.IsType<CancelOrder>(commands[1]);

        // An ORU's commands are journaled in the inbound log like orders' (and MPPS steps could be).
        var logged = new ActorBroker.Actors.Inbound.InboundAccepted("hl7:reports", Msg, [new RecordReport(Key, Msg, Report), new RecordProcedureStep(Key, Msg, Step)], null, [1]);
        var replayed = ((ActorBroker.Actors.Inbound.InboundAccepted)RoundTrip(logged)).Commands;
        Assert.Equal(Report, Assert.IsType<RecordReport>(replayed[0]).Report);
        Assert.Equal(Step, Assert.IsType<RecordProcedureStep>(replayed[1]).Step);
    }

    [Fact]
    public void Manifests_are_stable_names_not_clr_types()
    {
        // These strings are in journals already written: changing one breaks replay.
        Assert.Equal("OrderPlaced.v1", Serializer.Manifest(new OrderPlaced(Key, Msg, ((PlaceOrder)SampleOrders.Command("orm-o01-new-ct.hl7")).Details)));
        Assert.Equal("OrderHeld.v1", Serializer.Manifest(new OrderHeld(Key, Msg)));
        Assert.Equal("ExceptionRepeated.v1", Serializer.Manifest(new ExceptionRepeated("EX-1", Msg.ReceivedAt)));
    }

    [Fact]
    public void Stored_json_keeps_names_readable()
    {
        var place = (PlaceOrder)SampleOrders.Command("orm-o01-new-ct.hl7");
        var json = System.Text.Encoding.UTF8.GetString(Serializer.ToBinary(new OrderPlaced(place.Key, place.Message, place.Details)));
        Assert.Contains("NÚÑEZ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_manifest_is_a_clear_error()
    {
        var ex = Assert.Throws<SerializationException>(() => Serializer.FromBinary("{}"u8.ToArray(), "OrderVanished.v1"));
        Assert.Contains("OrderVanished.v1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_actor_system_binds_journaled_types_to_this_serializer()
    {
        var config = Akka.Configuration.ConfigurationFactory.ParseString($$"""
            akka.actor {
              serializers.broker-json = "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}"
              serialization-bindings { "ActorBroker.Domain.Orders.IOrderEvent, ActorBroker.Domain" = broker-json }
            }
            """);
        using var system = ActorSystem.Create("bind", config);
        var s = system.Serialization.FindSerializerFor(new OrderHeld(Key, Msg));
        Assert.IsType<BrokerJsonSerializer>(s);
        system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }

    private object RoundTrip(object o)
    {
        var s = Serializer;
        var bytes = s.ToBinary(o);
        return s.FromBinary(bytes, s.Manifest(o));
    }
}
