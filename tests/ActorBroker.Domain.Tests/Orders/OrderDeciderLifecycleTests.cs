using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Orders.LifecycleFixtures;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// MPPS and reports on orders, as sequences: several MPPS per order, steps and reports before the
/// order, the notices for the EHR, and "journal and raise". The single transitions are in
/// <see cref="OrderDeciderTransitionTableTests"/>.
/// </summary>
public sealed class OrderDeciderLifecycleTests
{
    private const string Mpps1 = "1.2.826.0.1.3680043.8.498.1";
    private const string Mpps2 = "1.2.826.0.1.3680043.8.498.2";

    private static RecordProcedureStep StepCmd(string uid, string status, string id) =>
        new(Key, DicomMessage(id), Step(uid, status));

    private static RecordReport ReportCmd(string status, string reportId, string id) =>
        new(Key, TestSites.Message(id, app: "DICTATION"), Report(status, reportId));

    private static (OrderSnapshot After, OrderDecision.Accepted Decision) Accept(OrderSnapshot state, IOrderCommand command)
    {
        var accepted = Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(state, command));
        return (Then(state, [.. accepted.Events]), accepted);
    }

    private static ProcedureStepRecorded StepEvent(OrderDecision.Accepted decision) =>
        Assert.IsType<ProcedureStepRecorded>(Assert.Single(decision.Events));

    // --- several MPPS per order ---

    [Fact]
    public void With_two_MPPS_the_order_completes_when_neither_runs_and_one_completed()
    {
        var s = OrderFixtures.InState(OrderState.Scheduled);
        (s, var d) = Accept(s, StepCmd(Mpps1, MppsStatus.InProgress, "A1"));
        Assert.Equal(OrderStatusCodes.InProcess, StepEvent(d).Notice!.OrderStatus);
        (s, d) = Accept(s, StepCmd(Mpps2, MppsStatus.InProgress, "A2"));
        Assert.Null(StepEvent(d).Notice);
        (s, d) = Accept(s, StepCmd(Mpps1, MppsStatus.Completed, "A3"));
        Assert.Equal(OrderState.InProgress, StepEvent(d).NewState);
        Assert.Null(StepEvent(d).Notice);
        (s, d) = Accept(s, StepCmd(Mpps2, MppsStatus.Discontinued, "A4"));

        Assert.Equal(OrderState.Completed, s.State);
        Assert.Equal(OrderStatusCodes.Completed, StepEvent(d).Notice!.OrderStatus);
        Assert.Equal([Mpps1, Mpps2], s.PerformedSteps.Select(p => p.MppsInstanceUid));
        Assert.Equal([MppsStatus.Completed, MppsStatus.Discontinued], s.PerformedSteps.Select(p => p.Status));
        Assert.All(s.Details!.ScheduledSteps, step => Assert.Equal(SpsStatus.Completed, step.Status));
        Assert.False(s.DiscontinuedByModality);
    }

    [Fact]
    public void With_two_MPPS_the_order_is_discontinued_only_when_both_are()
    {
        var s = OrderFixtures.InState(OrderState.Scheduled);
        (s, _) = Accept(s, StepCmd(Mpps1, MppsStatus.InProgress, "A1"));
        (s, _) = Accept(s, StepCmd(Mpps2, MppsStatus.InProgress, "A2"));
        (s, var d) = Accept(s, StepCmd(Mpps1, MppsStatus.Discontinued, "A3"));
        Assert.Equal(OrderState.InProgress, s.State);
        Assert.Null(StepEvent(d).Notice);
        (s, d) = Accept(s, StepCmd(Mpps2, MppsStatus.Discontinued, "A4"));

        Assert.Equal(OrderState.Discontinued, s.State);
        Assert.True(s.DiscontinuedByModality);
        Assert.Equal(OrderStatusCodes.Discontinued, StepEvent(d).Notice!.OrderStatus);
        Assert.All(s.Details!.ScheduledSteps, step => Assert.Equal(SpsStatus.Discontinued, step.Status));
        // ORC-5 on the order stays what the EHR last sent: the broker's own status goes in the notice.
        Assert.Equal("SC", s.Details.OrderStatusCode);
    }

    [Fact]
    public void A_modality_discontinued_order_reopens_with_a_new_MPPS_until_the_EHR_discontinues_it()
    {
        var s = In(Fixture.DiscontinuedByMpps);
        (s, var d) = Accept(s, StepCmd(Mpps2, MppsStatus.InProgress, "A1"));
        Assert.Equal(OrderState.InProgress, s.State);
        Assert.Equal(OrderStatusCodes.InProcess, StepEvent(d).Notice!.OrderStatus);
        Assert.False(s.DiscontinuedByModality);

        s = In(Fixture.DiscontinuedByMpps);
        (s, d) = Accept(s, new DiscontinueOrder(Key, TestSites.Message("DC1"), "CA"));
        Assert.IsType<OrderDiscontinued>(Assert.Single(d.Events));
        Assert.False(s.DiscontinuedByModality);
        (s, d) = Accept(s, StepCmd(Mpps2, MppsStatus.InProgress, "A2"));
        Assert.Equal(OrderState.Discontinued, s.State);
        Assert.Equal(Hl7ErrorCode.ApplicationRecordLocked, d.Warning!.Code);
        // A second DC from the EHR is now a plain duplicate.
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, new DiscontinueOrder(Key, TestSites.Message("DC2"), "CA")));
    }

    [Fact]
    public void An_MPPS_that_ends_after_the_EHR_discontinued_the_exam_is_recorded_and_raised()
    {
        var s = In(Fixture.InProgressByMpps);
        (s, _) = Accept(s, new DiscontinueOrder(Key, TestSites.Message("DC1"), "CA"));
        (s, var d) = Accept(s, StepCmd(Mpps1, MppsStatus.Completed, "A1"));

        var e = StepEvent(d);
        Assert.Equal(OrderState.Discontinued, e.NewState);
        Assert.Null(e.Notice);
        Assert.Equal(
            $"MPPS {Mpps1} COMPLETED for accession ACC20001: the order is discontinued by the EHR, but the modality performed it; the step is recorded, reconcile the order by hand",
            d.Warning!.Reason);
        Assert.Null(d.Warning.Location);
        Assert.Equal(OrderState.Discontinued, s.State);
        Assert.Equal(MppsStatus.Completed, Assert.Single(s.PerformedSteps).Status);
        Assert.All(s.Details!.ScheduledSteps, step => Assert.Equal(SpsStatus.Discontinued, step.Status));
    }

    [Fact]
    public void An_exam_on_a_cancelled_order_is_recorded_and_raised()
    {
        var (s, d) = Accept(OrderFixtures.InState(OrderState.Cancelled), StepCmd(Mpps1, MppsStatus.InProgress, "A1"));

        Assert.Equal(OrderState.Cancelled, s.State);
        Assert.Contains("the order is cancelled by the EHR", d.Warning!.Reason, StringComparison.Ordinal);
        Assert.Single(s.PerformedSteps);
        // The redelivery of the same step (another association) is a duplicate: raised once.
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, StepCmd(Mpps1, MppsStatus.InProgress, "A1-again")));
    }

    [Fact]
    public void A_completed_MPPS_straight_from_scheduled_sends_CM_only()
    {
        var (s, d) = Accept(OrderFixtures.InState(OrderState.Scheduled), StepCmd(Mpps1, MppsStatus.Completed, "A1"));

        Assert.Equal(OrderState.Completed, s.State);
        Assert.Equal(OrderStatusCodes.Completed, StepEvent(d).Notice!.OrderStatus);
    }

    // --- notices ---

    [Fact]
    public void A_status_notice_carries_what_the_EHR_needs_to_find_its_order()
    {
        var details = OrderFixtures.Details() with { Hl7CharacterSet = "8859/1" };
        var s = OrderFixtures.InState(OrderState.Scheduled, details);
        var step = Step(Mpps1, MppsStatus.InProgress) with { StudyInstanceUid = "1.2.3.999" };
        var command = new RecordProcedureStep(Key, DicomMessage("A1") with { ReceivedAt = TestSites.ReceivedAt.AddMinutes(5) }, step);

        var notice = StepEvent(Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(s, command))).Notice!;

        Assert.Equal(
            new OutboundNotice(
                Kind: OutboundNotice.StatusKind,
                Order: Key,
                PlacerOrderNumber: "PL20001",
                FillerOrderNumber: "ACC20001",
                Accession: "ACC20001",
                RequestedProcedure: details.RequestedProcedure,
                Patient: details.Patient,
                OrderStatus: "IP",
                Hl7CharacterSet: "8859/1",
                StudyInstanceUid: "1.2.3.999",
                Modality: "CT",
                OccurredAt: TestSites.ReceivedAt.AddMinutes(5)),
            notice);
    }

    [Fact]
    public void A_status_notice_uses_the_order_s_Study_UID_when_the_MPPS_has_none()
    {
        var notice = OutboundNotices.ForStatus(Key, OrderFixtures.Details(), "CM", "", TestSites.ReceivedAt);

        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", notice.StudyInstanceUid);
        Assert.Equal(OutboundNotice.StatusKind, notice.Kind);
    }

    [Fact]
    public void A_result_notice_carries_the_report_and_the_order()
    {
        var details = OrderFixtures.Details() with { Hl7CharacterSet = "UNICODE UTF-8" };
        var report = Report("F");
        var (_, d) = Accept(OrderFixtures.InState(OrderState.Completed, details), new RecordReport(Key, TestSites.Message("R1", app: "DICTATION"), report));

        var e = Assert.IsType<ReportRecorded>(Assert.Single(d.Events));
        Assert.Equal(OutboundNotices.ForResult(Key, details, report, TestSites.ReceivedAt), e.Notice);
        Assert.Equal(OutboundNotice.ResultKind, e.Notice!.Kind);
        Assert.Equal("CM", e.Notice.OrderStatus);
        Assert.Equal(report, e.Notice.Report);
        Assert.Equal("UNICODE UTF-8", e.Notice.Hl7CharacterSet);
        Assert.Equal(details.StudyInstanceUid, e.Notice.StudyInstanceUid);
    }

    [Fact]
    public void The_notice_factory_refuses_nulls()
    {
        var d = OrderFixtures.Details();
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForStatus(null!, d, "IP", "", TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForStatus(Key, null!, "IP", "", TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForStatus(Key, d, null!, "", TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForResult(Key, d, null!, TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForResult(null!, d, Report("F"), TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => OutboundNotices.ForResult(Key, null!, Report("F"), TestSites.ReceivedAt));
    }

    // --- before the order ---

    [Fact]
    public void Steps_and_a_report_before_the_order_are_kept_raised_and_recorded_when_the_NW_comes()
    {
        var s = OrderSnapshot.Empty(Key);
        (s, var d) = Accept(s, StepCmd(Mpps1, MppsStatus.InProgress, "A1"));
        Assert.IsType<ProcedureStepAwaitingOrder>(Assert.Single(d.Events));
        Assert.Equal(Hl7ErrorCode.UnknownKeyIdentifier, d.Warning!.Code);
        Assert.Equal($"MPPS {Mpps1} IN PROGRESS for accession ACC20001: no such order at site MAINHOSP yet; the step is kept and recorded when the order arrives", d.Warning.Reason);
        Assert.Null(d.Warning.Location);

        // The same step again (from another association), and a stale IN PROGRESS later: duplicates.
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, StepCmd(Mpps1, MppsStatus.InProgress, "A1-again")));
        var completedAt = TestSites.ReceivedAt.AddMinutes(13);
        (s, _) = Accept(s, new RecordProcedureStep(Key, DicomMessage("A2") with { ReceivedAt = completedAt }, Step(Mpps1, MppsStatus.Completed, 120)));
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, StepCmd(Mpps1, MppsStatus.InProgress, "A3")));
        Assert.Equal(Hl7ErrorCode.ApplicationRecordLocked, Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(s, StepCmd(Mpps1, MppsStatus.Discontinued, "A4"))).Rejection.Code);
        (s, d) = Accept(s, ReportCmd("F", "RPT-1", "R1"));
        Assert.IsType<ReportAwaitingOrder>(Assert.Single(d.Events));
        Assert.Contains("the report is kept", d.Warning!.Reason, StringComparison.Ordinal);
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, ReportCmd("F", "RPT-1", "R1-again")));

        Assert.Equal(OrderState.None, s.State);
        Assert.False(s.Exists);
        Assert.Equal(2, s.AwaitingSteps.Count);
        Assert.Single(s.AwaitingReports);
        Assert.Equal(3, s.Version);

        // A change for the order that is not there yet is still 204 (only NW creates an order).
        Assert.Equal(Hl7ErrorCode.UnknownKeyIdentifier, Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(s, new ChangeOrder(Key, TestSites.Message("X1"), OrderFixtures.Details()))).Rejection.Code);

        var nw = new PlaceOrder(Key, TestSites.Message("NW1") with { ReceivedAt = TestSites.ReceivedAt.AddHours(1) }, OrderFixtures.Details());
        (s, d) = Accept(s, nw);

        Assert.Null(d.Warning);
        Assert.Equal(["OrderPlaced", "ProcedureStepRecorded", "ProcedureStepRecorded", "ReportRecorded"], d.Events.Select(e => e.GetType().Name));
        Assert.All(d.Events, e => Assert.Equal(nw.Message, e.Message));
        var ip = Assert.IsType<ProcedureStepRecorded>(d.Events[1]);
        var cm = Assert.IsType<ProcedureStepRecorded>(d.Events[2]);
        var report = Assert.IsType<ReportRecorded>(d.Events[3]);
        Assert.Equal((OrderState.InProgress, "IP", TestSites.ReceivedAt), (ip.NewState, ip.Notice!.OrderStatus, ip.Notice.OccurredAt));
        Assert.Equal((OrderState.Completed, "CM", completedAt), (cm.NewState, cm.Notice!.OrderStatus, cm.Notice.OccurredAt));
        Assert.Equal(OrderState.ReportedFinal, report.NewState);
        Assert.Equal(OutboundNotice.ResultKind, report.Notice!.Kind);
        Assert.False(report.NoProcedureStepYet);

        Assert.Equal(OrderState.ReportedFinal, s.State);
        Assert.True(s.PerformedBeforeOrder);
        Assert.Empty(s.AwaitingSteps);
        Assert.Empty(s.AwaitingReports);
        Assert.Equal(MppsStatus.Completed, Assert.Single(s.PerformedSteps).Status);
        Assert.Equal("RPT-1", Assert.Single(s.Reports).ReportId);
        Assert.Equal(nw.Message.ReceivedAt, s.PlacedAt);
        Assert.Equal(7, s.Version);
        Assert.Equal(nw.Message, s.LastMessage);
        // The NW resent after a lost ACK is a duplicate; so is a redelivered kept step.
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, nw));
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, StepCmd(Mpps1, MppsStatus.Completed, "A2-again")));
    }

    [Fact]
    public void A_kept_report_that_cannot_be_recorded_on_the_new_order_becomes_the_NW_s_warning()
    {
        var s = OrderSnapshot.Empty(Key);
        (s, _) = Accept(s, StepCmd(Mpps1, MppsStatus.Discontinued, "A1"));
        (s, _) = Accept(s, ReportCmd("P", "RPT-1", "R1"));

        var (after, d) = Accept(s, new PlaceOrder(Key, TestSites.Message("NW1"), OrderFixtures.Details()));

        Assert.Equal(["OrderPlaced", "ProcedureStepRecorded"], d.Events.Select(e => e.GetType().Name));
        Assert.Equal(OrderState.Discontinued, after.State);
        Assert.True(after.DiscontinuedByModality);
        Assert.Equal(Hl7ErrorCode.ApplicationRecordLocked, d.Warning!.Code);
        Assert.Contains("ORU report RPT-1 (P)", d.Warning.Reason, StringComparison.Ordinal);
        Assert.Empty(after.Reports);
        Assert.Empty(after.AwaitingReports);
    }

    [Fact]
    public void Several_problems_with_kept_items_are_raised_together()
    {
        var s = OrderSnapshot.Empty(Key);
        (s, _) = Accept(s, StepCmd(Mpps1, MppsStatus.Discontinued, "A1"));
        (s, _) = Accept(s, ReportCmd("P", "RPT-1", "R1"));
        (s, _) = Accept(s, ReportCmd("F", "RPT-2", "R2"));

        var (_, d) = Accept(s, new PlaceOrder(Key, TestSites.Message("NW1"), OrderFixtures.Details()));

        Assert.Contains("RPT-1 (P)", d.Warning!.Reason, StringComparison.Ordinal);
        Assert.Contains("; ", d.Warning.Reason, StringComparison.Ordinal);
        Assert.Contains("RPT-2 (F)", d.Warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_report_alone_is_recorded_without_a_procedure_step()
    {
        var (s, _) = Accept(OrderSnapshot.Empty(Key), ReportCmd("P", "RPT-1", "R1"));
        var (after, d) = Accept(s, new PlaceOrder(Key, TestSites.Message("NW1"), OrderFixtures.Details()));

        var report = Assert.IsType<ReportRecorded>(d.Events[1]);
        Assert.True(report.NoProcedureStepYet);
        Assert.Equal(OrderState.ReportedPreliminary, after.State);
        Assert.True(after.PerformedBeforeOrder);
    }

    [Fact]
    public void An_MPPS_with_a_status_outside_the_defined_terms_is_not_kept()
    {
        var decision = OrderDecider.Decide(OrderSnapshot.Empty(Key), StepCmd(Mpps1, "CANCELLED", "A1"));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7ErrorCode.TableValueNotFound, rejection.Code);
        Assert.Null(rejection.Location);
        Assert.Contains("status 'CANCELLED'", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MPPS_without_a_UID_is_refused()
    {
        var rejection = Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(OrderFixtures.InState(OrderState.Scheduled), StepCmd("", MppsStatus.InProgress, "A1"))).Rejection;

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, rejection.Code);
    }

    // --- reports ---

    [Fact]
    public void Reports_move_the_order_and_build_its_history()
    {
        var s = In(Fixture.CompletedByMpps);
        (s, _) = Accept(s, ReportCmd("P", "RPT-1", "R1"));
        (s, _) = Accept(s, ReportCmd("F", "RPT-2", "R2"));
        (s, _) = Accept(s, ReportCmd("C", "RPT-3", "R3"));

        Assert.Equal(OrderState.ReportedCorrected, s.State);
        Assert.Equal(["P", "F", "C"], s.Reports.Select(r => r.ResultStatus));
        Assert.All(s.Details!.ScheduledSteps, step => Assert.Equal(SpsStatus.Completed, step.Status));
        Assert.Equal("SC", s.Details.OrderStatusCode);

        // Not P again; a further final version is fine.
        var regression = Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(s, ReportCmd("P", "RPT-4", "R4"))).Rejection;
        Assert.Equal("ORU report RPT-4 (P) for accession ACC20001 refused: the order is reported (corrected); a preliminary report now would step back", regression.Reason);
        (s, _) = Accept(s, ReportCmd("F", "RPT-5", "R5"));
        Assert.Equal(OrderState.ReportedFinal, s.State);
    }

    [Fact]
    public void A_report_is_a_duplicate_by_source_id_and_status_whatever_message_brings_it()
    {
        var (s, _) = Accept(OrderFixtures.InState(OrderState.Completed), ReportCmd("F", "RPT-1", "R1"));

        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(s, ReportCmd("F", "RPT-1", "R2")));
        // Another source with the same id is another report; so is another status of the same id.
        Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(s, new RecordReport(Key, TestSites.Message("R3"), Report("F", "RPT-1", source: "SR"))));
        Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(s, ReportCmd("C", "RPT-1", "R4")));
    }

    [Theory]
    [InlineData("R")]
    [InlineData("X")]
    [InlineData("f")]
    [InlineData("")]
    public void A_result_status_other_than_P_F_C_is_103_at_OBR_25(string status)
    {
        var command = new RecordReport(Key, TestSites.Message("R1"), Report(status)) { OrderGroup = 2 };
        var rejection = Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(OrderFixtures.InState(OrderState.Completed), command)).Rejection;

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, rejection.Code);
        Assert.Equal(new Hl7Location("OBR", 2, 25), rejection.Location);
        // Not kept either when there is no order.
        Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(OrderSnapshot.Empty(Key), command));
    }

    [Fact]
    public void A_report_before_any_MPPS_says_so()
    {
        var (_, d) = Accept(OrderFixtures.InState(OrderState.Scheduled), ReportCmd("F", "RPT-1", "R1"));
        Assert.True(Assert.IsType<ReportRecorded>(Assert.Single(d.Events)).NoProcedureStepYet);

        (_, d) = Accept(In(Fixture.InProgressByMpps), ReportCmd("F", "RPT-1", "R1"));
        Assert.False(Assert.IsType<ReportRecorded>(Assert.Single(d.Events)).NoProcedureStepYet);
    }

    [Fact]
    public void A_report_for_a_cancelled_order_is_refused_and_not_forwarded()
    {
        var rejection = Assert.IsType<OrderDecision.Rejected>(OrderDecider.Decide(OrderFixtures.InState(OrderState.Cancelled), ReportCmd("F", "RPT-1", "R1"))).Rejection;

        Assert.Equal("ORU report RPT-1 (F) for accession ACC20001 refused: the order is cancelled; a report for it is not forwarded, reconcile it by hand", rejection.Reason);
        Assert.Equal(Hl7ErrorCode.ApplicationRecordLocked, rejection.Code);
        Assert.Null(rejection.Location);
    }

    [Fact]
    public void MPPS_after_a_report_are_recorded_without_moving_the_order()
    {
        var (s, _) = Accept(OrderFixtures.InState(OrderState.Scheduled), ReportCmd("F", "RPT-1", "R1"));
        (s, var d) = Accept(s, StepCmd(Mpps1, MppsStatus.Completed, "A1"));

        Assert.Equal(OrderState.ReportedFinal, s.State);
        Assert.Null(StepEvent(d).Notice);
        Assert.Single(s.PerformedSteps);
    }

    [Theory]
    [InlineData(Fixture.ReportedPreliminary)]
    [InlineData(Fixture.ReportedFinal)]
    [InlineData(Fixture.ReportedCorrected)]
    public void Reported_orders_show_their_steps_completed(Fixture fixture)
    {
        Assert.All(In(fixture).Details!.ScheduledSteps, step => Assert.Equal(SpsStatus.Completed, step.Status));
        Assert.Equal(SpsStatus.Completed, SpsStatus.For(StateOf(fixture)));
    }

    [Theory]
    [InlineData("P", OrderState.ReportedPreliminary)]
    [InlineData("F", OrderState.ReportedFinal)]
    [InlineData("C", OrderState.ReportedCorrected)]
    public void Result_statuses_map_to_states(string status, OrderState state)
    {
        Assert.True(ResultStatusCodes.TryGetReportedState(status, out var actual));
        Assert.Equal(state, actual);
    }

    [Fact]
    public void Report_states_keep_their_journaled_numbers()
    {
        // Journaled by name, but the numbers order the lifecycle: reported after completed, before the closed states.
        Assert.Equal(32, (int)OrderState.ReportedPreliminary);
        Assert.Equal(34, (int)OrderState.ReportedFinal);
        Assert.Equal(36, (int)OrderState.ReportedCorrected);
    }

    [Fact]
    public void Mpps_statuses_are_the_defined_terms()
    {
        Assert.True(MppsStatus.IsKnown("IN PROGRESS"));
        Assert.False(MppsStatus.IsKnown("INPROGRESS"));
        Assert.False(MppsStatus.IsFinal(MppsStatus.InProgress));
        Assert.True(MppsStatus.IsFinal(MppsStatus.Completed));
        Assert.True(MppsStatus.IsFinal(MppsStatus.Discontinued));
    }

    // --- Apply stays total ---

    [Fact]
    public void Apply_of_a_recorded_step_on_an_order_without_details_moves_it()
    {
        var odd = OrderDecider.Apply(OrderSnapshot.Empty(Key), new ProcedureStepRecorded(Key, DicomMessage("A1"), Step(Mpps1, MppsStatus.InProgress), OrderState.InProgress, null));

        Assert.Equal(OrderState.InProgress, odd.State);
        Assert.Null(odd.Details);
        // No details, so no notice can be built; the step is still recorded.
        var (_, d) = Accept(odd, StepCmd(Mpps1, MppsStatus.Completed, "A2"));
        Assert.Null(StepEvent(d).Notice);
        Assert.Equal(OrderState.Completed, StepEvent(d).NewState);
    }

    [Fact]
    public void Normal_decisions_carry_no_warning()
    {
        var accepted = Assert.IsType<OrderDecision.Accepted>(OrderDecider.Decide(OrderSnapshot.Empty(Key), new PlaceOrder(Key, TestSites.Message("M1"), OrderFixtures.Details())));

        Assert.Null(accepted.Warning);
    }
}
