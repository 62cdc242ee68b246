using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;

namespace ActorBroker.Domain.Tests.Studies;

internal static class StudyFixtures
{
    public const string StudyUid = "1.2.840.114350.2.277.2.798268.2.20001.1";

    public static readonly DateTimeOffset At = new(2026, 11, 28, 15, 35, 12, TimeSpan.Zero);

    public static RecordStudyMpps Command(
        string mpps = "1.2.826.0.1.3680043.8.498.1",
        string status = MppsStatus.InProgress,
        IReadOnlyList<StudySeries>? series = null,
        IReadOnlyList<OrderKey>? orders = null,
        string study = StudyUid,
        DateTimeOffset? at = null) => new(
        StudyInstanceUid: study,
        MppsInstanceUid: mpps,
        Status: status,
        PerformedStationAeTitle: "CT01",
        Modality: "CT",
        StartDateTime: "20261128093512",
        EndDateTime: status == MppsStatus.InProgress ? "" : "20261128094803",
        Series: series ?? [],
        Orders: orders ?? [OrderFixtures.Key],
        At: at ?? At);

    public static StudyMpps Mpps(string uid, string status) =>
        new(uid, status, "CT01", "CT", "20261128093512", "", [], [OrderFixtures.Key], At);

    public static StudyMppsRecorded Recorded() =>
        Assert.IsType<StudyDecision.Accepted>(StudyDecider.Decide(StudySnapshot.Empty(StudyUid), Command(series: [new StudySeries("1.2.3.1", "AX HEAD", 120)]))).Event;

    public static StudySnapshot WithOneMpps() => StudyDecider.Apply(StudySnapshot.Empty(StudyUid), Recorded());
}
