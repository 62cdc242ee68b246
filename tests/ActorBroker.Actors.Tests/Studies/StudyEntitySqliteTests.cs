using ActorBroker.Actors.Studies;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Studies;

/// <summary>The study entity on the SQLite journal and snapshot store (the broker's JSON serializer both ways).</summary>
public sealed class StudyEntitySqliteTests : SqliteTestKit
{
    private const string StudyUid = "1.2.826.0.1.3680043.2.1125.7.2";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(50, 50)]
    [InlineData(1, 1)]
    [InlineData(1, 0)] // snapshots written before, then recovery without the snapshot store: the events give the same state
    public async Task State_survives_a_restart_from_events_or_from_a_snapshot(int snapshotEvery, int recoverWith)
    {
        var study = Sys.ActorOf(StudyEntity.GetProps(StudyUid, Context(snapshotEvery)));
        var inProgress = new RecordStudyMpps(StudyUid, "1.2.3.9.1", MppsStatus.InProgress, "CT01", "CT", "20261128093000", "", [], [new OrderKey("MAINHOSP", "ACC20001")], At);
        Assert.True((await study.Ask<StudyCommandResult>(inProgress, TimeSpan.FromSeconds(5))).Ok);
        var completed = inProgress with { Status = MppsStatus.Completed, EndDateTime = "20261128094500", Series = [new StudySeries(StudyUid + ".1", "Axial", 2)] };
        Assert.True((await study.Ask<StudyCommandResult>(completed, TimeSpan.FromSeconds(5))).Ok);
        var live = (await study.Ask<StudyStateReply>(new GetStudyState(StudyUid), TimeSpan.FromSeconds(5))).Snapshot;
        Watch(study);
        study.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(study);

        var recovered = Sys.ActorOf(StudyEntity.GetProps(StudyUid, Context(recoverWith)));
        var state = await recovered.Ask<StudyStateReply>(new GetStudyState(StudyUid), TimeSpan.FromSeconds(5));
        Assert.Equal(live, state.Snapshot);
        Assert.Equal(2, state.Snapshot.Version);
    }

    /// <summary>A study that holds no MPPS of its own and hands nothing over (its regions are nobody).</summary>
    internal static StudyEntityContext Context(int snapshotEvery) =>
        new(snapshotEvery, ActorRefs.Nobody, ActorRefs.Nobody, ActorRefs.Nobody, new ActorBroker.Actors.Modalities.ModalityDirectory(SampleOrders.Sites), TimeSpan.Zero, ForwardsMpps: false);
}
