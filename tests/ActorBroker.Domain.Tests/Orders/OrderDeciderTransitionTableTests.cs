using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Orders.LifecycleFixtures;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// Every (state, command) pair of the order lifecycle, against a table written out here
/// independently of the decider. A new state or command kind without a row fails
/// <see cref="The_table_covers_every_state_and_command"/>. The rows are the order states plus the
/// states whose MPPS history matters (in progress, completed or discontinued by MPPS-1).
/// </summary>
public sealed class OrderDeciderTransitionTableTests
{
    public enum Cmd
    {
        NewSame,        // NW with the content the order already has
        NewDifferent,   // NW, same placer order, other content (a later time)
        Change,         // XO with other content
        ChangeSame,     // XO with the same content
        Cancel,
        Discontinue,
        Hold,
        Release,
        StatusScheduled,
        StatusInProgress,
        StatusCompleted,
        StatusResultsAvailable,
        StepInProgress,     // an MPPS the order has not seen
        StepCompleted,
        StepDiscontinued,
        Step1InProgress,    // MPPS-1, the one the *ByMpps rows hold (a new MPPS for the other rows)
        Step1Completed,
        Step1Discontinued,
        ReportPreliminary,  // a report version the order has not seen
        ReportFinal,
        ReportCorrected,
    }

    // Expected outcome, one of:
    //   "dup"                    Duplicate
    //   "204", "205", "206"      Rejected with that code; the location is ORC-1 for 206, ORC-2 else,
    //   "206@none", "206@OBR25"  or as given
    //   "Event->State"           Accepted, one event, no notice, no warning
    //   ... "+IP"/"+CM"/"+DC"    with a status notice carrying that ORC-5; "+R" a result notice
    //   ... "!204"/"!206"        with a warning of that code (journal and raise)
    private static readonly Dictionary<(Fixture, Cmd), string> Expected = Build();

    public static TheoryData<Fixture, Cmd> AllPairs()
    {
        var data = new TheoryData<Fixture, Cmd>();
        foreach (var fixture in Enum.GetValues<Fixture>())
        {
            foreach (var cmd in Enum.GetValues<Cmd>())
            {
                data.Add(fixture, cmd);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_state_and_command()
    {
        Assert.Equal(Enum.GetValues<Fixture>().Length * Enum.GetValues<Cmd>().Length, Expected.Count);
        Assert.Equal(10, Enum.GetValues<OrderState>().Length);
        // Every order state has a row of its own name.
        Assert.All(Enum.GetValues<OrderState>(), s => Assert.True(Enum.IsDefined(Enum.Parse<Fixture>(s.ToString()))));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Decides_as_the_table_says(Fixture fixture, Cmd cmd)
    {
        var snapshot = In(fixture);
        Assert.Equal(StateOf(fixture), snapshot.State);
        var command = Make(cmd, "MSG-T1");

        var decision = OrderDecider.Decide(snapshot, command);
        var expected = Expected[(fixture, cmd)];

        if (expected == "dup")
        {
            var dup = Assert.IsType<OrderDecision.Duplicate>(decision);
            Assert.False(string.IsNullOrWhiteSpace(dup.Reason));
            return;
        }

        if (char.IsDigit(expected[0]))
        {
            var parts = expected.Split('@');
            var rejected = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
            Assert.Equal((Hl7ErrorCode)int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), rejected.Code);
            Assert.Contains(Key.Accession, rejected.Reason, StringComparison.Ordinal);
            Hl7Location? location = parts.Length == 1
                ? new Hl7Location("ORC", 1, parts[0] == "206" ? 1 : 2)
                : parts[1] == "none" ? null : new Hl7Location("OBR", 1, 25);
            Assert.Equal(location, rejected.Location);
            if (parts[0] == "206" && !(IsStep(cmd) && snapshot.PerformedSteps.Count > 0))
            {
                // The reason names the state the order is in, so the exception list is readable.
                Assert.Contains(Describe(snapshot.State), rejected.Reason, StringComparison.Ordinal);
            }

            return;
        }

        var warning = expected.Contains('!', StringComparison.Ordinal) ? expected[(expected.IndexOf('!', StringComparison.Ordinal) + 1)..] : null;
        var body = warning is null ? expected : expected[..expected.IndexOf('!', StringComparison.Ordinal)];
        var notice = body.Contains('+', StringComparison.Ordinal) ? body[(body.IndexOf('+', StringComparison.Ordinal) + 1)..] : null;
        var transition = (notice is null ? body : body[..body.IndexOf('+', StringComparison.Ordinal)]).Split("->");

        var accepted = Assert.IsType<OrderDecision.Accepted>(decision);
        var e = Assert.Single(accepted.Events);
        Assert.Equal(transition[0], e.GetType().Name);
        Assert.Equal(command.Key, e.Key);
        Assert.Equal(command.Message, e.Message);
        if (warning is null)
        {
            Assert.Null(accepted.Warning);
        }
        else
        {
            var w = Assert.IsType<OrderRejection>(accepted.Warning);
            Assert.Equal((Hl7ErrorCode)int.Parse(warning, System.Globalization.CultureInfo.InvariantCulture), w.Code);
            Assert.Contains(Key.Accession, w.Reason, StringComparison.Ordinal);
            Assert.Null(w.Location);
        }

        var actualNotice = e switch
        {
            ProcedureStepRecorded r => r.Notice,
            ReportRecorded r => r.Notice,
            _ => null,
        };
        switch (notice)
        {
            case null:
                Assert.Null(actualNotice);
                break;
            case "R":
                Assert.NotNull(actualNotice);
                Assert.Equal(OutboundNotice.ResultKind, actualNotice.Kind);
                Assert.Equal(((ReportRecorded)e).Report, actualNotice.Report);
                break;
            default:
                Assert.NotNull(actualNotice);
                Assert.Equal(OutboundNotice.StatusKind, actualNotice.Kind);
                Assert.Equal(notice, actualNotice.OrderStatus);
                Assert.Null(actualNotice.Report);
                break;
        }

        var after = OrderDecider.Apply(snapshot, e);
        Assert.Equal(Enum.Parse<OrderState>(transition[1]), after.State);
        Assert.Equal(snapshot.Version + 1, after.Version);
        Assert.True(after.HasProcessed(command.Message));
        // Applying the accepted event makes the same message a duplicate.
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(after, command));
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_message_already_applied_is_a_duplicate_in_every_state(Fixture fixture, Cmd cmd)
    {
        var snapshot = In(fixture);
        var resent = Make(cmd, "SETUP-1"); // the id of the message that placed the fixture order
        var decision = OrderDecider.Decide(snapshot, resent);
        if (fixture == Fixture.None)
        {
            Assert.IsNotType<OrderDecision.Duplicate>(decision);
        }
        else
        {
            Assert.IsType<OrderDecision.Duplicate>(decision);
        }
    }

    private static bool IsStep(Cmd cmd) => cmd is >= Cmd.StepInProgress and <= Cmd.Step1Discontinued;

    private static IOrderCommand Make(Cmd cmd, string controlId)
    {
        var key = Key;
        var m = TestSites.Message(controlId);
        const string NewMpps = "1.2.826.0.1.3680043.8.498.2";
        return cmd switch
        {
            Cmd.NewSame => new PlaceOrder(key, m, OrderFixtures.Details()),
            Cmd.NewDifferent => new PlaceOrder(key, m, OrderFixtures.Details(time: "103000")),
            Cmd.Change => new ChangeOrder(key, m, OrderFixtures.Details(time: "103000")),
            Cmd.ChangeSame => new ChangeOrder(key, m, OrderFixtures.Details()),
            Cmd.Cancel => new CancelOrder(key, m, "CA"),
            Cmd.Discontinue => new DiscontinueOrder(key, m, "CA"),
            Cmd.Hold => new HoldOrder(key, m),
            Cmd.Release => new ReleaseOrder(key, m),
            Cmd.StatusScheduled => new ChangeOrderStatus(key, m, "SC"),
            Cmd.StatusInProgress => new ChangeOrderStatus(key, m, "IP"),
            Cmd.StatusCompleted => new ChangeOrderStatus(key, m, "CM"),
            Cmd.StatusResultsAvailable => new ChangeOrderStatus(key, m, "A"),
            Cmd.StepInProgress => new RecordProcedureStep(key, m, Step(NewMpps, MppsStatus.InProgress)),
            Cmd.StepCompleted => new RecordProcedureStep(key, m, Step(NewMpps, MppsStatus.Completed, 80)),
            Cmd.StepDiscontinued => new RecordProcedureStep(key, m, Step(NewMpps, MppsStatus.Discontinued)),
            Cmd.Step1InProgress => new RecordProcedureStep(key, m, Step(SetupMpps, MppsStatus.InProgress)),
            Cmd.Step1Completed => new RecordProcedureStep(key, m, Step(SetupMpps, MppsStatus.Completed, 120)),
            Cmd.Step1Discontinued => new RecordProcedureStep(key, m, Step(SetupMpps, MppsStatus.Discontinued)),
            Cmd.ReportPreliminary => new RecordReport(key, m, Report("P", "RPT-T1")),
            Cmd.ReportFinal => new RecordReport(key, m, Report("F", "RPT-T1")),
            Cmd.ReportCorrected => new RecordReport(key, m, Report("C", "RPT-T1")),
            _ => throw new ArgumentOutOfRangeException(nameof(cmd)),
        };
    }

    private static string Describe(OrderState state) => state switch
    {
        OrderState.InProgress => "in progress",
        OrderState.Held => "on hold",
        OrderState.ReportedPreliminary => "reported (preliminary)",
        OrderState.ReportedFinal => "reported (final)",
        OrderState.ReportedCorrected => "reported (corrected)",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static Dictionary<(Fixture, Cmd), string> Build()
    {
        const string Placed = "OrderPlaced->Scheduled";
        const string Kept = "ProcedureStepAwaitingOrder->None!204";
        const string KeptReport = "ReportAwaitingOrder->None!204";
        const string RepP = "ReportRecorded->ReportedPreliminary+R";
        const string RepF = "ReportRecorded->ReportedFinal+R";
        const string RepC = "ReportRecorded->ReportedCorrected+R";
        const string ToIp = "ProcedureStepRecorded->InProgress+IP";
        const string ToCm = "ProcedureStepRecorded->Completed+CM";
        const string ToDc = "ProcedureStepRecorded->Discontinued+DC";
        const string StayIp = "ProcedureStepRecorded->InProgress";
        const string StayCm = "ProcedureStepRecorded->Completed";

        // Columns in Cmd order: NewSame, NewDifferent, Change, ChangeSame, Cancel, Discontinue,
        // Hold, Release, StatusScheduled, StatusInProgress, StatusCompleted, StatusResultsAvailable,
        // StepInProgress, StepCompleted, StepDiscontinued, Step1InProgress, Step1Completed, Step1Discontinued,
        // ReportPreliminary, ReportFinal, ReportCorrected.
        var ehrClosedReported = new[] { "dup", "205", "206", "206", "206", "206", "206", "206", "206", "dup", "dup", "dup" };
        var rows = new Dictionary<Fixture, string[]>
        {
            [Fixture.None] =
            [
                Placed, Placed, "204", "204", "204", "204",
                "204", "204", "204", "204", "204", "204",
                Kept, Kept, Kept, Kept, Kept, Kept,
                KeptReport, KeptReport, KeptReport,
            ],
            [Fixture.Scheduled] =
            [
                "dup", "OrderChanged->Scheduled", "OrderChanged->Scheduled", "dup", "OrderCancelled->Cancelled", "OrderDiscontinued->Discontinued",
                "OrderHeld->Held", "dup", "dup", "OrderStatusChanged->InProgress", "OrderStatusChanged->Completed", "OrderStatusChanged->Completed",
                ToIp, ToCm, ToDc, ToIp, ToCm, ToDc,
                RepP, RepF, RepC,
            ],
            [Fixture.Held] =
            [
                "dup", "OrderChanged->Held", "OrderChanged->Held", "dup", "OrderCancelled->Cancelled", "OrderDiscontinued->Discontinued",
                "dup", "OrderReleased->Scheduled", "206", "206", "206", "206",
                ToIp, ToCm, ToDc, ToIp, ToCm, ToDc,
                RepP, RepF, RepC,
            ],
            [Fixture.InProgress] =
            [
                "dup", "205", "206", "206", "206", "OrderDiscontinued->Discontinued",
                "206", "206", "206", "dup", "OrderStatusChanged->Completed", "OrderStatusChanged->Completed",
                StayIp, ToCm, ToDc, StayIp, ToCm, ToDc,
                RepP, RepF, RepC,
            ],
            [Fixture.Completed] =
            [
                "dup", "205", "206", "206", "206", "206",
                "206", "206", "206", "dup", "dup", "dup",
                StayCm, StayCm, StayCm, StayCm, StayCm, StayCm,
                RepP, RepF, RepC,
            ],
            [Fixture.ReportedPreliminary] =
            [
                .. ehrClosedReported,
                .. Enumerable.Repeat("ProcedureStepRecorded->ReportedPreliminary", 6),
                RepP, RepF, RepC,
            ],
            [Fixture.ReportedFinal] =
            [
                .. ehrClosedReported,
                .. Enumerable.Repeat("ProcedureStepRecorded->ReportedFinal", 6),
                "206@OBR25", RepF, RepC,
            ],
            [Fixture.ReportedCorrected] =
            [
                .. ehrClosedReported,
                .. Enumerable.Repeat("ProcedureStepRecorded->ReportedCorrected", 6),
                "206@OBR25", RepF, RepC,
            ],
            [Fixture.Discontinued] =
            [
                "dup", "205", "206", "206", "206", "dup",
                "206", "206", "206", "206", "206", "206",
                .. Enumerable.Repeat("ProcedureStepRecorded->Discontinued!206", 6),
                "206@none", "206@none", "206@none",
            ],
            [Fixture.Cancelled] =
            [
                "dup", "205", "206", "206", "dup", "206",
                "206", "206", "206", "206", "206", "206",
                .. Enumerable.Repeat("ProcedureStepRecorded->Cancelled!206", 6),
                "206@none", "206@none", "206@none",
            ],
            [Fixture.InProgressByMpps] =
            [
                "dup", "205", "206", "206", "206", "OrderDiscontinued->Discontinued",
                "206", "206", "206", "dup", "OrderStatusChanged->Completed", "OrderStatusChanged->Completed",
                // MPPS-1 is still running: another MPPS ending changes nothing yet.
                StayIp, StayIp, StayIp, "dup", ToCm, ToDc,
                RepP, RepF, RepC,
            ],
            [Fixture.CompletedByMpps] =
            [
                "dup", "205", "206", "206", "206", "206",
                "206", "206", "206", "dup", "dup", "dup",
                StayCm, StayCm, StayCm, "dup", "dup", "206@none",
                RepP, RepF, RepC,
            ],
            [Fixture.DiscontinuedByMpps] =
            [
                "dup", "205", "206", "206", "206", "OrderDiscontinued->Discontinued",
                "206", "206", "206", "206", "206", "206",
                // A new MPPS reopens it; MPPS-1 is final.
                ToIp, ToCm, "ProcedureStepRecorded->Discontinued", "dup", "206@none", "dup",
                "206@none", "206@none", "206@none",
            ],
        };

        var table = new Dictionary<(Fixture, Cmd), string>();
        foreach (var (fixture, row) in rows)
        {
            var cmds = Enum.GetValues<Cmd>();
            Assert.Equal(cmds.Length, row.Length);
            for (var i = 0; i < cmds.Length; i++)
            {
                table[(fixture, cmds[i])] = row[i];
            }
        }

        return table;
    }
}
