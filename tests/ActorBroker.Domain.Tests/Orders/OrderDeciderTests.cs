using ActorBroker.Domain.Orders;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Orders;

public sealed class OrderDeciderTests
{
    private static readonly OrderKey Key = OrderFixtures.Key;

    [Fact]
    public void Placing_a_new_order_yields_OrderPlaced_with_the_details()
    {
        var details = OrderFixtures.Details();
        var decision = OrderDecider.Decide(OrderSnapshot.Empty(Key), new PlaceOrder(Key, TestSites.Message("M1"), details));

        var placed = Assert.IsType<OrderPlaced>(Assert.Single(Assert.IsType<OrderDecision.Accepted>(decision).Events));
        Assert.Equal(details, placed.Details);
    }

    [Fact]
    public void A_resend_of_the_same_message_is_a_duplicate_whatever_it_contains()
    {
        var state = OrderFixtures.InState(OrderState.Scheduled);
        // Same sender and MSH-10 as the message that placed the order, but different content:
        // a resend is recognised by its id, not its content.
        var resend = new ChangeOrder(Key, TestSites.Message("SETUP-1"), OrderFixtures.Details(time: "120000"));

        var dup = Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(state, resend));
        Assert.Contains("SETUP-1", dup.Reason, StringComparison.Ordinal);
        Assert.Contains("already applied", dup.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_control_id_from_another_sender_is_not_a_duplicate()
    {
        var state = OrderFixtures.InState(OrderState.Scheduled);
        var other = new CancelOrder(Key, TestSites.Message("SETUP-1", app: "RADIANT"), "CA");

        Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(state, other));
    }

    [Theory]
    [InlineData(OrderState.Scheduled)]
    [InlineData(OrderState.Held)]
    [InlineData(OrderState.InProgress)]
    [InlineData(OrderState.Completed)]
    [InlineData(OrderState.Cancelled)]
    public void An_NW_for_another_placer_order_with_the_same_accession_is_205_in_every_state(OrderState state)
    {
        var snapshot = OrderFixtures.InState(state);
        var decision = OrderDecider.Decide(snapshot, new PlaceOrder(Key, TestSites.Message("M2"), OrderFixtures.Details(placer: "PL99999")));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.DuplicateKeyIdentifier, rejection.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 2), rejection.Location);
        Assert.Equal("accession ACC20001 belongs to placer order PL20001, not PL99999", rejection.Reason);
    }

    [Fact]
    public void An_XO_for_another_placer_order_is_205()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var decision = OrderDecider.Decide(snapshot, new ChangeOrder(Key, TestSites.Message("M2"), OrderFixtures.Details(placer: "PL99999")));

        Assert.Equal(Hl7ErrorCode.DuplicateKeyIdentifier, Assert.IsType<OrderDecision.Rejected>(decision).Rejection.Code);
    }

    [Fact]
    public void A_second_NW_with_new_content_for_a_scheduled_order_is_a_change()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var later = OrderFixtures.Details(time: "103000");
        var decision = OrderDecider.Decide(snapshot, new PlaceOrder(Key, TestSites.Message("M2"), later));

        var changed = Assert.IsType<OrderChanged>(Assert.Single(Assert.IsType<OrderDecision.Accepted>(decision).Events));
        Assert.Equal("103000", changed.Details.ScheduledSteps[0].Start.Time);
    }

    [Fact]
    public void NW_with_status_IP_repeating_an_NW_SC_order_is_the_same_order()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var again = OrderFixtures.Details() with { OrderStatusCode = "IP" };

        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(snapshot, new PlaceOrder(Key, TestSites.Message("M2"), again)));
    }

    [Fact]
    public void A_resent_NW_whose_UID_the_broker_generated_again_is_still_a_duplicate()
    {
        var original = OrderFixtures.Details() with { StudyInstanceUid = "2.25.1111", StudyInstanceUidOrigin = StudyUidOrigin.Generated };
        var snapshot = OrderFixtures.InState(OrderState.Scheduled, original);
        var resent = original with { StudyInstanceUid = "2.25.2222" };

        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(snapshot, new PlaceOrder(Key, TestSites.Message("M2"), resent)));
    }

    [Fact]
    public void A_change_without_a_Study_UID_keeps_the_order_s_UID()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var change = OrderFixtures.Details(time: "103000") with { StudyInstanceUid = "", StudyInstanceUidOrigin = StudyUidOrigin.Absent };

        var changed = Assert.IsType<OrderChanged>(Assert.Single(Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(snapshot, new ChangeOrder(Key, TestSites.Message("M2"), change))).Events));
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", changed.Details.StudyInstanceUid);
        Assert.Equal(StudyUidOrigin.Message, changed.Details.StudyInstanceUidOrigin);
    }

    [Fact]
    public void A_change_with_a_UID_from_the_EHR_replaces_the_order_s_UID()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var change = OrderFixtures.Details() with { StudyInstanceUid = "1.2.3.4" };

        var changed = Assert.IsType<OrderChanged>(Assert.Single(Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(snapshot, new ChangeOrder(Key, TestSites.Message("M2"), change))).Events));
        Assert.Equal("1.2.3.4", changed.Details.StudyInstanceUid);
    }

    [Fact]
    public void A_command_routed_to_the_wrong_order_is_refused_as_an_internal_error()
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var decision = OrderDecider.Decide(snapshot, new CancelOrder(new OrderKey("MAINHOSP", "OTHER"), TestSites.Message("M2"), "CA"));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.ApplicationInternalError, rejection.Code);
        Assert.Null(rejection.Location);
    }

    [Theory]
    [InlineData("QQ")]
    [InlineData("CA")]
    [InlineData("")]
    public void A_status_the_broker_cannot_act_on_is_103_at_ORC_5(string status)
    {
        var snapshot = OrderFixtures.InState(OrderState.Scheduled);
        var decision = OrderDecider.Decide(snapshot, new ChangeOrderStatus(Key, TestSites.Message("M2"), status));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.TableValueNotFound, rejection.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 5), rejection.Location);
    }

    [Fact]
    public void A_rejection_points_at_the_ORC_of_the_command_s_group()
    {
        var decision = OrderDecider.Decide(OrderSnapshot.Empty(Key), new CancelOrder(Key, TestSites.Message("M2"), "CA") { OrderGroup = 3 });

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.UnknownKeyIdentifier, rejection.Code);
        Assert.Equal("ORC[3]-2", rejection.Location!.Value.ToString());
        Assert.Equal("CA for accession ACC20001: no such order at site MAINHOSP", rejection.Reason);
    }

    [Fact]
    public void A_cancel_of_an_exam_in_progress_says_to_discontinue()
    {
        var decision = OrderDecider.Decide(OrderFixtures.InState(OrderState.InProgress), new CancelOrder(Key, TestSites.Message("M2"), "CA"));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.ApplicationRecordLocked, rejection.Code);
        Assert.Equal("CA for accession ACC20001 refused: the order is in progress; the exam has started; send DC (discontinue) instead", rejection.Reason);
    }

    [Fact]
    public void A_cancel_after_completion_is_refused_with_the_state_named()
    {
        var decision = OrderDecider.Decide(OrderFixtures.InState(OrderState.Completed), new CancelOrder(Key, TestSites.Message("M2"), "CA"));

        Assert.Equal(
            "CA for accession ACC20001 refused: the order is completed; the order is closed",
            Assert.IsType<OrderDecision.Rejected>(decision).Rejection.Reason);
    }

    [Fact]
    public void An_XO_CM_names_XO_in_its_messages()
    {
        var decision = OrderDecider.Decide(OrderFixtures.InState(OrderState.Cancelled), new ChangeOrderStatus(Key, TestSites.Message("M2"), "CM") { OrderControl = "XO" });

        Assert.StartsWith("XO/CM for accession ACC20001 refused", Assert.IsType<OrderDecision.Rejected>(decision).Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_placed_sets_state_details_and_bookkeeping()
    {
        var message = TestSites.Message("M1");
        var details = OrderFixtures.Details();
        var s = OrderDecider.Apply(OrderSnapshot.Empty(Key), new OrderPlaced(Key, message, details));

        Assert.Equal(OrderState.Scheduled, s.State);
        Assert.Equal(details, s.Details);
        Assert.Equal(1, s.Version);
        Assert.Equal(message, s.LastMessage);
        Assert.Equal(message.ReceivedAt, s.PlacedAt);
        Assert.Equal(["EPIC|MAINHOSP|M1"], s.ProcessedMessageIds);
        Assert.True(s.Exists);
    }

    [Fact]
    public void Apply_cancelled_marks_the_steps_canceled_and_keeps_ORC_5()
    {
        var s = OrderDecider.Apply(OrderFixtures.InState(OrderState.Scheduled), new OrderCancelled(Key, TestSites.Message("M2"), "CA"));

        Assert.Equal(OrderState.Cancelled, s.State);
        Assert.Equal("CA", s.Details!.OrderStatusCode);
        Assert.All(s.Details.ScheduledSteps, step => Assert.Equal(SpsStatus.Canceled, step.Status));
        Assert.Equal(2, s.Version);
    }

    [Theory]
    [InlineData(OrderState.InProgress, SpsStatus.Started)]
    [InlineData(OrderState.Completed, SpsStatus.Completed)]
    [InlineData(OrderState.Discontinued, SpsStatus.Discontinued)]
    [InlineData(OrderState.Held, SpsStatus.Scheduled)]
    public void Apply_keeps_the_steps_status_in_line_with_the_state(OrderState state, string spsStatus)
    {
        var s = OrderFixtures.InState(state);

        Assert.All(s.Details!.ScheduledSteps, step => Assert.Equal(spsStatus, step.Status));
    }

    [Fact]
    public void Apply_changed_on_a_held_order_keeps_it_held()
    {
        var s = OrderDecider.Apply(OrderFixtures.InState(OrderState.Held), new OrderChanged(Key, TestSites.Message("M3"), OrderFixtures.Details(time: "103000")));

        Assert.Equal(OrderState.Held, s.State);
        Assert.Equal("103000", s.Details!.ScheduledSteps[0].Start.Time);
    }

    [Fact]
    public void Apply_released_returns_to_scheduled()
    {
        var s = OrderDecider.Apply(OrderFixtures.InState(OrderState.Held), new OrderReleased(Key, TestSites.Message("M3")));

        Assert.Equal(OrderState.Scheduled, s.State);
        Assert.Equal(3, s.Version);
    }

    [Fact]
    public void Apply_is_total_for_a_change_before_any_placement()
    {
        var s = OrderDecider.Apply(OrderSnapshot.Empty(Key), new OrderChanged(Key, TestSites.Message("M3"), OrderFixtures.Details()));

        Assert.Equal(OrderState.Scheduled, s.State);
    }

    [Fact]
    public void Apply_of_an_unknown_event_type_throws()
    {
        Assert.Throws<ArgumentException>(() => OrderDecider.Apply(OrderSnapshot.Empty(Key), new UnknownEvent(Key, TestSites.Message("X"))));
    }

    [Fact]
    public void Processed_message_ids_keep_the_last_100_oldest_first()
    {
        var s = OrderFixtures.InState(OrderState.Scheduled);
        for (var i = 0; i < 150; i++)
        {
            // Alternate hold and release so every event is a real transition.
            IOrderEvent e = i % 2 == 0
                ? new OrderHeld(Key, TestSites.Message($"HOLD-{i}"))
                : new OrderReleased(Key, TestSites.Message($"HOLD-{i}"));
            s = OrderDecider.Apply(s, e);
        }

        Assert.Equal(OrderSnapshot.MaxProcessedMessageIds, s.ProcessedMessageIds.Count);
        Assert.Equal("EPIC|MAINHOSP|HOLD-50", s.ProcessedMessageIds[0]);
        Assert.Equal("EPIC|MAINHOSP|HOLD-149", s.ProcessedMessageIds[^1]);
        Assert.Equal(151, s.Version);
        Assert.True(s.HasProcessed(TestSites.Message("HOLD-50")));
        Assert.False(s.HasProcessed(TestSites.Message("HOLD-49")));
        Assert.False(s.HasProcessed(TestSites.Message("SETUP-1")));
    }

    [Fact]
    public void Two_events_of_one_message_remember_it_once()
    {
        var m = TestSites.Message("M9");
        var s = OrderDecider.Apply(OrderFixtures.InState(OrderState.Scheduled), new OrderHeld(Key, m));
        s = OrderDecider.Apply(s, new OrderReleased(Key, m));

        Assert.Single(s.ProcessedMessageIds, id => id == m.IdempotencyKey);
    }

    [Fact]
    public void Replaying_the_same_events_gives_an_equal_snapshot()
    {
        Assert.Equal(OrderFixtures.InState(OrderState.Completed), OrderFixtures.InState(OrderState.Completed));
        Assert.NotEqual(OrderFixtures.InState(OrderState.Completed), OrderFixtures.InState(OrderState.InProgress));
    }

    [Fact]
    public void Keys_and_message_refs_compose_their_ids()
    {
        Assert.Equal("MAINHOSP|ACC20001", Key.EntityId);
        Assert.Equal("MAINHOSP|ACC20001", Key.ToString());
        Assert.Equal("EPIC|MAINHOSP|MSG000001", TestSites.Message("MSG000001").IdempotencyKey);
    }

    [Fact]
    public void Decide_and_Apply_refuse_nulls()
    {
        Assert.Throws<ArgumentNullException>(() => OrderDecider.Decide(null!, new HoldOrder(Key, TestSites.Message("X"))));
        Assert.Throws<ArgumentNullException>(() => OrderDecider.Decide(OrderSnapshot.Empty(Key), null!));
        Assert.Throws<ArgumentNullException>(() => OrderDecider.Apply(OrderSnapshot.Empty(Key), null!));
    }

    [Theory]
    [InlineData("SC", OrderState.Scheduled)]
    [InlineData("IP", OrderState.InProgress)]
    [InlineData("CM", OrderState.Completed)]
    [InlineData("A", OrderState.Completed)]
    public void Reported_statuses_map_to_states(string code, OrderState state)
    {
        Assert.True(OrderStatusCodes.TryGetReportedState(code, out var actual));
        Assert.Equal(state, actual);
    }

    [Theory]
    [InlineData("CA")]
    [InlineData("DC")]
    [InlineData("HD")]
    [InlineData("ER")]
    [InlineData("RP")]
    [InlineData("")]
    public void Other_statuses_do_not_report_a_state(string code)
    {
        Assert.False(OrderStatusCodes.TryGetReportedState(code, out _));
    }

    [Fact]
    public void A_state_without_details_is_handled_without_throwing()
    {
        // Only a damaged journal (a hold replayed without its placement) gets here.
        var odd = OrderDecider.Apply(OrderSnapshot.Empty(Key), new OrderHeld(Key, TestSites.Message("H1")));
        Assert.Equal(OrderState.Held, odd.State);
        Assert.Null(odd.Details);

        Assert.IsType<OrderPlaced>(Assert.Single(Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(odd, new PlaceOrder(Key, TestSites.Message("M1"), OrderFixtures.Details()))).Events));
        Assert.Equal(Hl7ErrorCode.UnknownKeyIdentifier, Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(odd, new ChangeOrder(Key, TestSites.Message("M2"), OrderFixtures.Details()))).Rejection.Code);
    }

    private sealed record UnknownEvent(OrderKey Key, MessageRef Message) : IOrderEvent;
}
