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
/// without their tags, which is how production recovers them.
/// </summary>
public sealed class MppsEntitySqliteTests : SqliteTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.3";
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

    private IActorRef Spawn(TestProbe orders, TestProbe studies) => Sys.ActorOf(MppsEntity.GetProps(Uid, new MppsEntityContext(
        orders, studies, CreateTestProbe(), new ModalityDirectory(SampleOrders.Sites))));

    private static async Task<MppsOutcome.Accepted> SendAsync(IActorRef entity, MppsOperation operation, byte[] dataset) =>
        Assert.IsType<MppsOutcome.Accepted>((await entity.Ask<MppsRequestResult>(new MppsRequest(Uid, operation, "CT01", dataset, At), TimeSpan.FromSeconds(5))).Outcome);

    private static async Task AnswerAsync(TestProbe orders, TestProbe studies)
    {
        await orders.ExpectMsgAsync<RecordProcedureStep>();
        orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        await studies.ExpectMsgAsync<RecordStudyMpps>();
        studies.Reply(new StudyCommandResult(MppsDatasets.StudyUid, true, null));
    }

    private static Task<MppsStateReply> StateAsync(IActorRef entity) =>
        entity.Ask<MppsStateReply>(new GetMppsState(Uid), TimeSpan.FromSeconds(5));
}
