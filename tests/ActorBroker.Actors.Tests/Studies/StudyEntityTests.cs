using ActorBroker.Actors.Studies;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Studies;

/// <summary>The study entity over the in-memory journal: answers after the journal, repeats recognised, state rebuilt.</summary>
public sealed class StudyEntityTests : JournalTestKit
{
    private const string StudyUid = "1.2.826.0.1.3680043.2.1125.7.1";
    private const string MppsUid = "1.2.826.0.1.3680043.2.1125.9.1";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);
    private static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    [Fact]
    public async Task An_MPPS_is_recorded_and_answered_ok()
    {
        var study = Spawn();
        var result = await RecordAsync(study, InProgress());
        Assert.Equal(new StudyCommandResult(StudyUid, true, null), result);

        var state = await StateAsync(study);
        Assert.True(state.Exists);
        var mpps = Assert.Single(state.Snapshot.Mpps);
        Assert.Equal((MppsUid, MppsStatus.InProgress, "CT01"), (mpps.MppsInstanceUid, mpps.Status, mpps.PerformedStationAeTitle));
        Assert.Equal([Key], state.Snapshot.Orders);
    }

    [Fact]
    public async Task A_repeat_is_answered_ok_with_a_reason_and_journals_nothing()
    {
        var study = Spawn();
        await RecordAsync(study, InProgress());
        var repeat = await RecordAsync(study, InProgress());
        Assert.True(repeat.Ok);
        Assert.Contains("already recorded", repeat.Detail, StringComparison.Ordinal);

        await WatchAndStop(study);
        Assert.Equal(1, (await StateAsync(Spawn())).Snapshot.Version);
    }

    [Fact]
    public async Task State_survives_a_restart()
    {
        var study = Spawn();
        await RecordAsync(study, InProgress());
        await RecordAsync(study, Completed());
        var live = (await StateAsync(study)).Snapshot;
        await WatchAndStop(study);

        var recovered = await StateAsync(Spawn());
        Assert.True(recovered.Exists);
        Assert.Equal(live, recovered.Snapshot);
        Assert.Equal(2, recovered.Snapshot.Version);
        Assert.Equal(MppsStatus.Completed, Assert.Single(recovered.Snapshot.Mpps).Status);
        Assert.Equal([new StudySeries(StudyUid + ".1", "Axial", 3)], recovered.Snapshot.Series);
    }

    [Fact]
    public async Task Recovery_from_a_snapshot_gives_the_same_state()
    {
        var study = Spawn(snapshotEvery: 1);
        await RecordAsync(study, InProgress());
        await RecordAsync(study, Completed());
        var live = (await StateAsync(study)).Snapshot;
        await WatchAndStop(study);

        Assert.Equal(live, (await StateAsync(Spawn(snapshotEvery: 1))).Snapshot);
    }

    [Fact]
    public async Task A_command_the_decider_refuses_is_answered_ok_so_it_is_not_retried_and_journals_nothing()
    {
        var study = Spawn();
        await RecordAsync(study, Completed());
        // DISCONTINUED after COMPLETED: a final state is final.
        var refused = await RecordAsync(study, Completed() with { Status = MppsStatus.Discontinued });
        Assert.True(refused.Ok);
        Assert.Contains("final", refused.Detail, StringComparison.Ordinal);

        await WatchAndStop(study);
        var state = await StateAsync(Spawn());
        Assert.Equal((1L, MppsStatus.Completed), (state.Snapshot.Version, Assert.Single(state.Snapshot.Mpps).Status));
    }

    [Fact]
    public async Task An_unknown_study_does_not_exist()
    {
        var state = await StateAsync(Spawn());
        Assert.False(state.Exists);
        Assert.Empty(state.Snapshot.Mpps);
    }

    private static RecordStudyMpps InProgress() =>
        new(StudyUid, MppsUid, MppsStatus.InProgress, "CT01", "CT", "20261128093000", "", [], [Key], At);

    private static RecordStudyMpps Completed() =>
        InProgress() with { Status = MppsStatus.Completed, EndDateTime = "20261128094500", Series = [new StudySeries(StudyUid + ".1", "Axial", 3)], At = At.AddMinutes(15) };

    private IActorRef Spawn(int snapshotEvery = 50) => Sys.ActorOf(StudyEntity.GetProps(StudyUid, StudyEntitySqliteTests.Context(snapshotEvery)));

    private async Task<StudyCommandResult> RecordAsync(IActorRef study, RecordStudyMpps command)
    {
        study.Tell(command, TestActor);
        return await ExpectMsgAsync<StudyCommandResult>();
    }

    private async Task<StudyStateReply> StateAsync(IActorRef study)
    {
        study.Tell(new GetStudyState(StudyUid), TestActor);
        return await ExpectMsgAsync<StudyStateReply>();
    }

    private async Task WatchAndStop(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(actor);
    }
}
