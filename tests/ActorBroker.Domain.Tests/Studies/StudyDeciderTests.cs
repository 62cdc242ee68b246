using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using static ActorBroker.Domain.Tests.Studies.StudyFixtures;

namespace ActorBroker.Domain.Tests.Studies;

public sealed class StudyDeciderTests
{
    private const string Mpps1 = "1.2.826.0.1.3680043.8.498.1";
    private const string Mpps2 = "1.2.826.0.1.3680043.8.498.2";

    private static readonly OrderKey Order2 = new("MAINHOSP", "ACC20002");

    private static StudySnapshot Run(StudySnapshot state, RecordStudyMpps command) =>
        StudyDecider.Apply(state, Assert.IsType<StudyDecision.Accepted>(StudyDecider.Decide(state, command)).Event);

    [Fact]
    public void A_first_MPPS_is_recorded_with_its_series_and_orders()
    {
        var series = new StudySeries("1.2.3.1", "AX HEAD", 120);
        var command = Command(series: [series]);

        var recorded = Assert.IsType<StudyDecision.Accepted>(StudyDecider.Decide(StudySnapshot.Empty(StudyUid), command)).Event;
        Assert.Equal(StudyUid, recorded.StudyInstanceUid);
        Assert.Equal(Mpps1, recorded.MppsInstanceUid);
        Assert.Equal(MppsStatus.InProgress, recorded.Status);
        Assert.Equal([series], recorded.Series);
        Assert.Equal([OrderFixtures.Key], recorded.Orders);
        Assert.Equal(At, recorded.At);

        var s = StudyDecider.Apply(StudySnapshot.Empty(StudyUid), recorded);
        Assert.True(s.Exists);
        Assert.Equal(1, s.Version);
        var mpps = Assert.Single(s.Mpps);
        Assert.Equal(new StudyMpps(Mpps1, MppsStatus.InProgress, "CT01", "CT", "20261128093512", "", ["1.2.3.1"], [OrderFixtures.Key], At), mpps);
        Assert.Equal([series], s.Series);
        Assert.Equal([OrderFixtures.Key], s.Orders);
    }

    [Fact]
    public void An_empty_study_does_not_exist()
    {
        var empty = StudySnapshot.Empty(StudyUid);
        Assert.False(empty.Exists);
        Assert.Empty(empty.Mpps);
        Assert.Empty(empty.Series);
        Assert.Empty(empty.Orders);
    }

    [Fact]
    public void Completing_an_MPPS_replaces_its_entry_and_updates_series_counts()
    {
        var s = Run(StudySnapshot.Empty(StudyUid), Command(series: [new StudySeries("1.2.3.1", "AX HEAD", 10)]));
        var later = At.AddMinutes(13);
        s = Run(s, Command(status: MppsStatus.Completed, series: [new StudySeries("1.2.3.1", "AX HEAD", 120), new StudySeries("1.2.3.2", "COR HEAD", 80)], at: later));

        var mpps = Assert.Single(s.Mpps);
        Assert.Equal(MppsStatus.Completed, mpps.Status);
        Assert.Equal("20261128094803", mpps.EndDateTime);
        Assert.Equal(["1.2.3.1", "1.2.3.2"], mpps.SeriesInstanceUids);
        Assert.Equal(later, mpps.UpdatedAt);
        Assert.Equal([new StudySeries("1.2.3.1", "AX HEAD", 120), new StudySeries("1.2.3.2", "COR HEAD", 80)], s.Series);
        Assert.Equal(2, s.Version);
    }

    [Fact]
    public void Several_MPPS_and_orders_accumulate_in_first_seen_order()
    {
        var s = Run(StudySnapshot.Empty(StudyUid), Command(mpps: Mpps1, series: [new StudySeries("1.2.3.1", "AX", 10)], orders: [OrderFixtures.Key]));
        s = Run(s, Command(mpps: Mpps2, series: [new StudySeries("1.2.3.9", "LOCALIZER", 3)], orders: [Order2, OrderFixtures.Key]));
        // An MPPS dropping a series later does not make the study forget it.
        s = Run(s, Command(mpps: Mpps1, status: MppsStatus.Completed, series: [], orders: [OrderFixtures.Key]));

        Assert.Equal([Mpps1, Mpps2], s.Mpps.Select(m => m.MppsInstanceUid));
        Assert.Equal([MppsStatus.Completed, MppsStatus.InProgress], s.Mpps.Select(m => m.Status));
        Assert.Equal(["1.2.3.1", "1.2.3.9"], s.Series.Select(x => x.SeriesInstanceUid));
        Assert.Equal([OrderFixtures.Key, Order2], s.Orders);
        Assert.Empty(s.Mpps[0].SeriesInstanceUids);
        Assert.Equal(3, s.Version);
    }

    [Theory]
    [InlineData(MppsStatus.InProgress, MppsStatus.InProgress, "dup")]
    [InlineData(MppsStatus.InProgress, MppsStatus.Completed, "ok")]
    [InlineData(MppsStatus.InProgress, MppsStatus.Discontinued, "ok")]
    [InlineData(MppsStatus.Completed, MppsStatus.Completed, "dup")]
    [InlineData(MppsStatus.Completed, MppsStatus.InProgress, "dup")]
    [InlineData(MppsStatus.Completed, MppsStatus.Discontinued, "rejected")]
    [InlineData(MppsStatus.Discontinued, MppsStatus.Discontinued, "dup")]
    [InlineData(MppsStatus.Discontinued, MppsStatus.InProgress, "dup")]
    [InlineData(MppsStatus.Discontinued, MppsStatus.Completed, "rejected")]
    public void Every_status_after_every_status_of_the_same_MPPS(string first, string then, string expected)
    {
        var s = Run(StudySnapshot.Empty(StudyUid), Command(status: first));
        var decision = StudyDecider.Decide(s, Command(status: then, at: At.AddMinutes(1)));

        switch (expected)
        {
            case "dup":
                Assert.Contains(Mpps1, Assert.IsType<StudyDecision.Duplicate>(decision).Reason, StringComparison.Ordinal);
                break;
            case "rejected":
                Assert.Contains("final", Assert.IsType<StudyDecision.Rejected>(decision).Reason, StringComparison.Ordinal);
                break;
            default:
                var after = StudyDecider.Apply(s, Assert.IsType<StudyDecision.Accepted>(decision).Event);
                Assert.Equal(then, Assert.Single(after.Mpps).Status);
                break;
        }
    }

    [Theory]
    [InlineData(MppsStatus.InProgress)]
    [InlineData(MppsStatus.Completed)]
    [InlineData(MppsStatus.Discontinued)]
    public void A_new_MPPS_is_recorded_in_any_status(string status)
    {
        var s = Run(StudySnapshot.Empty(StudyUid), Command(mpps: Mpps1, status: MppsStatus.Completed));
        s = Run(s, Command(mpps: Mpps2, status: status));

        Assert.Equal(status, s.Mpps[1].Status);
    }

    [Theory]
    [InlineData("CANCELLED")]
    [InlineData("in progress")]
    [InlineData("")]
    public void A_status_outside_the_defined_terms_is_rejected(string status)
    {
        var reason = Assert.IsType<StudyDecision.Rejected>(StudyDecider.Decide(StudySnapshot.Empty(StudyUid), Command(status: status))).Reason;
        Assert.Contains($"status '{status}'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MPPS_without_a_UID_is_rejected()
    {
        Assert.IsType<StudyDecision.Rejected>(StudyDecider.Decide(StudySnapshot.Empty(StudyUid), Command(mpps: "")));
    }

    [Fact]
    public void A_command_for_another_study_is_rejected()
    {
        var reason = Assert.IsType<StudyDecision.Rejected>(StudyDecider.Decide(StudySnapshot.Empty(StudyUid), Command(study: "1.2.3"))).Reason;
        Assert.Contains("reached study " + StudyUid, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_and_Apply_refuse_nulls()
    {
        Assert.Throws<ArgumentNullException>(() => StudyDecider.Decide(null!, Command()));
        Assert.Throws<ArgumentNullException>(() => StudyDecider.Decide(StudySnapshot.Empty(StudyUid), null!));
        Assert.Throws<ArgumentNullException>(() => StudyDecider.Apply(null!, Recorded()));
        Assert.Throws<ArgumentNullException>(() => StudyDecider.Apply(StudySnapshot.Empty(StudyUid), null!));
    }

    [Fact]
    public void Replaying_the_events_gives_an_equal_snapshot_with_lists_compared_by_content()
    {
        var a = WithOneMpps();
        var b = WithOneMpps();
        Assert.NotSame(a.Mpps, b.Mpps);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Events_and_snapshots_round_trip_through_JSON()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new JsonStringEnumConverter());
        var e = Recorded();
        var s = Run(WithOneMpps(), Command(mpps: Mpps2, status: MppsStatus.Completed, series: [new StudySeries("1.2.3.9", "LOC", 3)], orders: [Order2]));
        foreach (var o in new[] { options, JsonSerializerOptions.Default })
        {
            Assert.Equal(e, JsonSerializer.Deserialize<StudyMppsRecorded>(JsonSerializer.Serialize(e, o), o));
            Assert.Equal(s, JsonSerializer.Deserialize<StudySnapshot>(JsonSerializer.Serialize(s, o), o));
        }

        Assert.DoesNotContain("Exists", JsonSerializer.Serialize(s, options), StringComparison.Ordinal);
        IStudyEvent journaled = e;
        Assert.Equal(StudyUid, journaled.StudyInstanceUid);
    }
}
