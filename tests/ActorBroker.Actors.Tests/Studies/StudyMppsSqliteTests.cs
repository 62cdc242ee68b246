using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Studies;
using ActorBroker.Actors.Tests.Mpps;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Studies;

/// <summary>
/// The MPPS instances of a study entity on the SQLite journal and snapshot store: events and snapshots go through the
/// broker's JSON serializer and come back without their tags, which is how production recovers them. An MPPS state
/// journaled and answered, but cut short before its orders had it, is found in the journal and resumed (the crash
/// case: the modality never sends that instance anything again).
/// </summary>
public sealed class StudyMppsSqliteTests : SqliteTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.3";
    private const string Other = "1.2.826.0.1.3680043.2.1125.9.8";
    private const string OtherStudy = "1.2.826.0.1.3680043.2.1125.7.8";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);
    private static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    [Theory]
    [InlineData(0)]
    [InlineData(1)] // a snapshot after every write that is safe to take: the instance's attributes come back from it
    public async Task State_and_the_hand_over_marker_survive_a_restart(int snapshotEvery)
    {
        var orders = CreateTestProbe();
        var entity = Spawn(orders, snapshotEvery: snapshotEvery);
        var create = MppsDatasets.NCreate("CT01", "ACC20001");
        await SendAsync(entity, MppsOperation.Create, create);
        await AnswerAsync(orders);
        var set = await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));
        await AnswerAsync(orders);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(5));
        var study = await StudyAsync(entity);

        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(entity);

        var again = Spawn(orders, snapshotEvery: snapshotEvery);
        var state = await StateAsync(again);
        Assert.True(state.Propagated);
        Assert.Equal(("CT01", set.Attributes), (state.CallingAe, state.Attributes));
        Assert.Equal(study, await StudyAsync(again));
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // The rules still apply to the recovered instance: it exists, and it is COMPLETED.
        var refused = Assert.IsType<MppsOutcome.Refused>((await again.Ask<MppsRequestResult>(new MppsRequest(Uid, MppsOperation.Create, "CT01", create, At), TimeSpan.FromSeconds(5))).Outcome);
        Assert.Equal(0x0111, refused.Status.Code);
    }

    [Fact]
    public async Task The_scan_names_exactly_the_studies_whose_last_MPPS_event_follows_their_last_marker()
    {
        var scan = new MppsHandOverScan(Journal);
        var orders = CreateTestProbe();
        var entity = Spawn(orders);

        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        await orders.ExpectMsgAsync<RecordProcedureStep>();
        Assert.Equal([MppsDatasets.StudyUid], await scan.PendingAsync(CancellationToken.None));

        // The N-SET is journaled while the N-CREATE is still being handed over: no marker until both are.
        await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));
        Confirm(orders);
        await orders.ExpectMsgAsync<RecordProcedureStep>();
        Assert.False((await StateAsync(entity)).Propagated);
        Assert.Equal([MppsDatasets.StudyUid], await scan.PendingAsync(CancellationToken.None));

        Confirm(orders);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(5));
        Assert.Empty(await scan.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_study_stopped_before_its_hand_over_is_woken_from_the_journal_and_hands_over()
    {
        // Before the "crash": Uid journaled and answered, its order never confirmed; Other handed over completely.
        var silent = CreateTestProbe();
        var cut = Spawn(silent);
        await SendAsync(cut, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        var orders = CreateTestProbe();
        var done = Spawn(orders, OtherStudy);
        await SendAsync(done, MppsOperation.Create, MppsDatasets.NCreateInStudy(OtherStudy, "ACC20002"), Other);
        await AnswerAsync(orders);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(done, Other)).Propagated), TimeSpan.FromSeconds(5));

        var pending = CreateTestProbe();
        Sys.EventStream.Subscribe(pending, typeof(MppsHandOverPending));
        Watch(cut);
        cut.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(cut);
        Assert.Equal(MppsDatasets.StudyUid, (await pending.ExpectMsgAsync<MppsHandOverPending>()).StudyInstanceUid);

        // The restart: the resumer asks the journal and wakes that study, not the other, through the region.
        var region = CreateTestProbe();
        Sys.ActorOf(MppsHandOverResumer.GetProps(region, new MppsHandOverScan(Journal).PendingAsync));
        Assert.Equal(MppsDatasets.StudyUid, (await region.ExpectMsgAsync<ResumeMppsHandOver>()).StudyInstanceUid);
        await region.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // The woken study hands its N-CREATE over, then records that it did.
        var woken = Spawn(orders);
        woken.Tell(new ResumeMppsHandOver(MppsDatasets.StudyUid));
        await AnswerAsync(orders);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(woken)).Propagated), TimeSpan.FromSeconds(5));
        Assert.Empty(await new MppsHandOverScan(Journal).PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_journal_lookup_finds_the_study_that_holds_an_instance()
    {
        var lookup = MppsStudyIndex.JournalLookup(Journal);
        var orders = CreateTestProbe();
        await SendAsync(Spawn(orders, OtherStudy), MppsOperation.Create, MppsDatasets.NCreateInStudy(OtherStudy, "ACC20002"), Other);

        Assert.Equal(OtherStudy, await lookup(Other, CancellationToken.None));
        Assert.Null(await lookup(Uid, CancellationToken.None));
    }

    [Theory]
    [InlineData(false, new[] { "mpps-instance:" })]
    [InlineData(true, new[] { "mpps", "mpps", "mpps-instance:" })]
    public async Task MPPS_events_are_tagged_for_forwarding_only_when_MPPS_is_forwarded(bool forwards, string[] expected)
    {
        var orders = CreateTestProbe();
        var entity = Spawn(orders, forwardsMpps: forwards);
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        await AnswerAsync(orders);
        await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));
        await AnswerAsync(orders);

        // Tag rows of this study's MPPS events: the N-CREATE's index tag always (an N-SET's router needs it), the
        // forwarding outbox's "mpps" on both events only when there is a PACS to forward to.
        await using var connection = await Journal.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT tag FROM tags WHERE persistence_id = @pid ORDER BY tag";
        JournalConnection.Add(cmd, "@pid", StudyEntity.PersistenceIdPrefix + MppsDatasets.StudyUid);
        var tags = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var tag = reader.GetString(0);
                tags.Add(tag.StartsWith("mpps-instance:", StringComparison.Ordinal) ? "mpps-instance:" : tag);
            }
        }

        Assert.Equal(expected, tags);
        Assert.Equal(MppsDatasets.StudyUid, await MppsStudyIndex.JournalLookup(Journal)(Uid, CancellationToken.None));
    }

    private IActorRef Spawn(TestProbe orders, string study = MppsDatasets.StudyUid, int snapshotEvery = 0, bool forwardsMpps = false) =>
        Sys.ActorOf(StudyEntity.GetProps(study, new StudyEntityContext(
            snapshotEvery, orders, CreateTestProbe(), CreateTestProbe(), new ModalityDirectory(SampleOrders.Sites), TimeSpan.Zero, forwardsMpps)));

    private static async Task<MppsOutcome.Accepted> SendAsync(IActorRef entity, MppsOperation operation, byte[] dataset, string uid = Uid) =>
        Assert.IsType<MppsOutcome.Accepted>((await entity.Ask<MppsRequestResult>(new MppsRequest(uid, operation, "CT01", dataset, At), TimeSpan.FromSeconds(5))).Outcome);

    private static async Task AnswerAsync(TestProbe orders)
    {
        await orders.ExpectMsgAsync<RecordProcedureStep>();
        Confirm(orders);
    }

    private static void Confirm(TestProbe orders) =>
        orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));

    private static Task<MppsStateReply> StateAsync(IActorRef entity, string uid = Uid) =>
        entity.Ask<MppsStateReply>(new GetMppsState(uid), TimeSpan.FromSeconds(5));

    private static async Task<Domain.Studies.StudySnapshot> StudyAsync(IActorRef entity) =>
        (await entity.Ask<StudyStateReply>(new GetStudyState(MppsDatasets.StudyUid), TimeSpan.FromSeconds(5))).Snapshot;
}
