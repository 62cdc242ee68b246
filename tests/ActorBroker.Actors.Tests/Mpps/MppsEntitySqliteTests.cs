using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Studies;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using Akka.Actor;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Mpps;

/// <summary>
/// The MPPS entity on the SQLite journal: its events go through the broker's JSON serializer and come back
/// without their tags, which is how production recovers them. An MPPS state journaled and answered, but cut short
/// before its orders and studies had it, is found in the journal and resumed (the crash case: the modality never
/// sends that instance anything again).
/// </summary>
public sealed class MppsEntitySqliteTests : SqliteTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.3";
    private const string Other = "1.2.826.0.1.3680043.2.1125.9.8";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);
    private static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    [Fact]
    public async Task State_and_the_hand_over_marker_survive_a_restart()
    {
        var orders = CreateTestProbe();
        var studies = CreateTestProbe();
        var entity = Spawn(orders, studies);
        var create = MppsDatasets.NCreate("CT01", "ACC20001");
        await SendAsync(entity, MppsOperation.Create, create);
        await AnswerAsync(orders, studies);
        var set = await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));
        await AnswerAsync(orders, studies);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(5));

        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(entity);

        var again = Spawn(orders, studies);
        var state = await StateAsync(again);
        Assert.True(state.Propagated);
        Assert.Equal(("CT01", set.Attributes), (state.CallingAe, state.Attributes));
        await orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // The rules still apply to the recovered instance: it is COMPLETED.
        var refused = Assert.IsType<MppsOutcome.Refused>((await again.Ask<MppsRequestResult>(new MppsRequest(Uid, MppsOperation.Create, "CT01", create, At), TimeSpan.FromSeconds(5))).Outcome);
        Assert.Equal(0x0111, refused.Status.Code);
    }

    [Fact]
    public async Task The_scan_names_exactly_the_instances_with_fewer_hand_over_markers_than_events()
    {
        var scan = new MppsHandOverScan(Journal);
        var orders = CreateTestProbe();
        var studies = CreateTestProbe();
        var entity = Spawn(orders, studies);

        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        await ExpectHandOverAsync(orders, studies);
        Assert.Equal([Uid], await scan.PendingAsync(CancellationToken.None));

        // The N-SET is journaled while the N-CREATE is still being handed over: then the N-CREATE's marker comes
        // after both events, yet the N-SET is still behind.
        await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));
        Confirm(orders, studies);
        await ExpectHandOverAsync(orders, studies);
        Assert.False((await StateAsync(entity)).Propagated);
        Assert.Equal([Uid], await scan.PendingAsync(CancellationToken.None));

        Confirm(orders, studies);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(5));
        Assert.Empty(await scan.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_instance_stopped_before_its_hand_over_is_woken_from_the_journal_and_hands_over()
    {
        // Before the "crash": Uid journaled and answered, its orders never confirmed; Other handed over completely.
        var silent = CreateTestProbe();
        var cut = Spawn(silent, silent);
        await SendAsync(cut, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        var orders = CreateTestProbe();
        var studies = CreateTestProbe();
        var done = Spawn(orders, studies, Other);
        await SendAsync(done, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20002"), Other);
        await ExpectHandOverAsync(orders, studies);
        Confirm(orders, studies);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(done, Other)).Propagated), TimeSpan.FromSeconds(5));

        var pending = CreateTestProbe();
        Sys.EventStream.Subscribe(pending, typeof(MppsHandOverPending));
        Watch(cut);
        cut.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(cut);
        Assert.Equal(Uid, (await pending.ExpectMsgAsync<MppsHandOverPending>()).MppsUid);

        // The restart: the resumer asks the journal and wakes Uid, not Other, through the region.
        var region = CreateTestProbe();
        Sys.ActorOf(MppsHandOverResumer.GetProps(region, new MppsHandOverScan(Journal).PendingAsync));
        Assert.Equal(Uid, (await region.ExpectMsgAsync<ResumeMppsHandOver>()).MppsUid);
        await region.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // The woken entity hands its N-CREATE over, then records that it did.
        var woken = Spawn(orders, studies);
        woken.Tell(new ResumeMppsHandOver(Uid));
        await ExpectHandOverAsync(orders, studies);
        Confirm(orders, studies);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(woken)).Propagated), TimeSpan.FromSeconds(5));
        Assert.Empty(await new MppsHandOverScan(Journal).PendingAsync(CancellationToken.None));
    }

    private IActorRef Spawn(TestProbe orders, TestProbe studies, string uid = Uid) => Sys.ActorOf(MppsEntity.GetProps(uid, new MppsEntityContext(
        orders, studies, CreateTestProbe(), new ModalityDirectory(SampleOrders.Sites))));

    private static async Task<MppsOutcome.Accepted> SendAsync(IActorRef entity, MppsOperation operation, byte[] dataset, string uid = Uid) =>
        Assert.IsType<MppsOutcome.Accepted>((await entity.Ask<MppsRequestResult>(new MppsRequest(uid, operation, "CT01", dataset, At), TimeSpan.FromSeconds(5))).Outcome);

    private static async Task AnswerAsync(TestProbe orders, TestProbe studies)
    {
        await ExpectHandOverAsync(orders, studies);
        Confirm(orders, studies);
    }

    private static async Task ExpectHandOverAsync(TestProbe orders, TestProbe studies)
    {
        await orders.ExpectMsgAsync<RecordProcedureStep>();
        await studies.ExpectMsgAsync<RecordStudyMpps>();
    }

    private static void Confirm(TestProbe orders, TestProbe studies)
    {
        orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        studies.Reply(new StudyCommandResult(MppsDatasets.StudyUid, true, null));
    }

    private static Task<MppsStateReply> StateAsync(IActorRef entity, string uid = Uid) =>
        entity.Ask<MppsStateReply>(new GetMppsState(uid), TimeSpan.FromSeconds(5));
}
