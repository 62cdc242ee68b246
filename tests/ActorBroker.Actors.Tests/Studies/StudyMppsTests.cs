using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Studies;
using ActorBroker.Actors.Tests.Mpps;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using ActorBroker.Hl7;
using MppsStatus = ActorBroker.Dicom.Mpps.MppsStatus;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Studies;

/// <summary>
/// The MPPS instances a study entity holds, over the in-memory journal, with probes in the places of the order and
/// study regions and the exception store: the modality's answer after the journal, the study's own record, the
/// at-least-once hand-over to the orders (and other studies), the refusals.
/// </summary>
public sealed class StudyMppsTests : JournalTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.1";
    private const string Accession = "ACC20001";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);
    private static readonly OrderKey Key = new("MAINHOSP", Accession);

    private readonly TestProbe _orders;
    private readonly TestProbe _studies;
    private readonly TestProbe _exceptions;

    public StudyMppsTests()
    {
        _orders = CreateTestProbe("orders");
        _studies = CreateTestProbe("studies");
        _exceptions = CreateTestProbe("exceptions");
    }

    [Fact]
    public async Task An_accepted_N_CREATE_is_answered_recorded_on_the_study_then_handed_to_its_order_and_not_again_after_a_restart()
    {
        var entity = Spawn();
        var create = MppsDatasets.NCreate("CT01", Accession);
        var accepted = Assert.IsType<MppsOutcome.Accepted>((await SendAsync(entity, MppsOperation.Create, create)).Outcome);
        Assert.Equal(MppsStatus.InProgress, accepted.Attributes.Status);

        // The site comes from the calling AE (CT01 is a MAINHOSP modality), the accession from the Scheduled Step.
        var step = await _orders.ExpectMsgAsync<RecordProcedureStep>();
        Assert.Equal(Key, step.Key);
        Assert.Equal(new MessageRef("DICOM", "CT01", $"{Uid}|IN PROGRESS", At), step.Message);
        Assert.Equal((Uid, MppsDatasets.StudyUid, "IN PROGRESS", "CT01", "CT", "20261128093000"), (step.Step.MppsInstanceUid, step.Step.StudyInstanceUid, step.Step.Status, step.Step.PerformedStationAeTitle, step.Step.Modality, step.Step.StartDateTime));
        var study = await StudyAsync(entity);
        Assert.Equal((MppsDatasets.StudyUid, Uid, "IN PROGRESS"), (study.StudyInstanceUid, study.Mpps.Single().MppsInstanceUid, study.Mpps.Single().Status));
        Assert.Equal([Key], study.Orders);

        Assert.False((await StateAsync(entity)).Propagated);
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));

        // The marker is in the journal: a new incarnation has nothing to hand over, and the same study.
        await WatchAndStop(entity);
        var again = Spawn();
        var state = await StateAsync(again);
        Assert.True(state.Propagated);
        Assert.Equal(("CT01", MppsStatus.InProgress), (state.CallingAe, state.Attributes!.Status));
        Assert.Equal(study, await StudyAsync(again));
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        await _studies.ExpectNoMsgAsync(TimeSpan.Zero);
        await _exceptions.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_hand_over_nobody_answered_is_repeated_by_the_next_incarnation()
    {
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        var first = await _orders.ExpectMsgAsync<RecordProcedureStep>();

        // Crash before the order answered: the journal has MppsCreated but no marker.
        await WatchAndStop(entity);
        var again = Spawn();
        Assert.Equal(first, await _orders.ExpectMsgAsync<RecordProcedureStep>());
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Duplicate, OrderState.InProgress, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(again)).Propagated), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task With_a_marker_delay_an_exam_in_progress_is_handed_over_again_by_a_restart_before_the_marker_and_stays_in_memory()
    {
        var shard = CreateTestProbe("shard");
        var entity = await SpawnUnderAsync(shard, TimeSpan.FromMinutes(10));
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        await _orders.ExpectMsgAsync<RecordProcedureStep>();
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));
        // IN PROGRESS: the N-SET is still to come, so the marker waits for it and the study stays.
        await shard.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // Stopped before the marker was due: the state goes to the order again (it recognises it).
        await WatchAndStop(entity);
        var again = Spawn();
        Assert.Equal(MppsStatus.InProgress, (await _orders.ExpectMsgAsync<RecordProcedureStep>()).Step.Status);
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Duplicate, OrderState.InProgress, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(again)).Propagated), TimeSpan.FromSeconds(3));
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Theory]
    [InlineData(MppsStatus.Completed)]
    [InlineData(MppsStatus.Discontinued)]
    public async Task A_finished_exam_is_marked_without_the_delay_and_its_study_asks_its_shard_to_passivate_it(string final)
    {
        var shard = CreateTestProbe("shard");
        var entity = await SpawnUnderAsync(shard, TimeSpan.FromMinutes(10));
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        await _orders.ExpectMsgAsync<RecordProcedureStep>();
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        var set = final == MppsStatus.Completed ? MppsDatasets.NSetCompleted() : MppsDatasets.NSetDiscontinued();
        await SendAsync(entity, MppsOperation.Set, set);
        Assert.Equal(final, (await _orders.ExpectMsgAsync<RecordProcedureStep>()).Step.Status);
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, final == MppsStatus.Completed ? OrderState.Completed : OrderState.Discontinued, null, null));

        // The shard is asked to stop it (PoisonPill, the shard's own stop message).
        var passivate = await shard.ExpectMsgAsync<Passivate>();
        Assert.Same(PoisonPill.Instance, passivate.StopMessage);
        Assert.True((await StateAsync(entity)).Propagated);

        // One marker covers both states, written before it asked: the next incarnation hands nothing over.
        await WatchAndStop(entity);
        var again = Spawn();
        var state = await StateAsync(again);
        Assert.True(state.Propagated);
        Assert.Equal(final, state.Attributes!.Status);
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        await _exceptions.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task An_N_SET_accepted_during_the_hand_over_of_the_N_CREATE_follows_it_in_journal_order()
    {
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        var set = await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 3));
        Assert.Equal(MppsStatus.Completed, Assert.IsType<MppsOutcome.Accepted>(set.Outcome).Attributes.Status);

        Assert.Equal(MppsStatus.InProgress, (await _orders.ExpectMsgAsync<RecordProcedureStep>()).Step.Status);
        var asker = _orders.LastSender;
        // COMPLETED waits until the order has IN PROGRESS; the study has it already.
        var study = await StudyAsync(entity);
        Assert.Equal(MppsStatus.Completed, study.Mpps.Single().Status);
        Assert.Equal([new StudySeries(MppsDatasets.StudyUid + ".1", "Axial", 3)], study.Series);
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        asker.Tell(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));

        var completed = await _orders.ExpectMsgAsync<RecordProcedureStep>();
        Assert.Equal((MppsStatus.Completed, "20261128094500", 1, 3), (completed.Step.Status, completed.Step.EndDateTime, completed.Step.SeriesCount, completed.Step.ImageCount));
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.Completed, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_grouped_procedure_is_handed_to_both_orders_and_to_the_other_study()
    {
        const string otherStudy = "1.2.826.0.1.3680043.2.1125.7.2";
        var otherKey = new OrderKey("MAINHOSP", "ACC20002");
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreateGrouped(Accession, "ACC20002", otherStudy));

        var steps = new[] { await _orders.ExpectMsgAsync<RecordProcedureStep>(), await _orders.ExpectMsgAsync<RecordProcedureStep>() };
        Assert.Equal([Key, otherKey], steps.Select(s => s.Key).OrderBy(k => k.Accession, StringComparer.Ordinal).ToArray());
        var other = await _studies.ExpectMsgAsync<RecordStudyMpps>();
        Assert.Equal((otherStudy, Uid, MppsStatus.InProgress), (other.StudyInstanceUid, other.MppsInstanceUid, other.Status));
        Assert.Equal([Key, otherKey], other.Orders);
        Assert.Equal([Key, otherKey], (await StudyAsync(entity)).Orders);
    }

    [Fact]
    public async Task A_failed_order_answer_is_retried_after_a_backoff()
    {
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        var first = await _orders.ExpectMsgAsync<RecordProcedureStep>();
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Failed, OrderState.None, null, "journal down"));

        // First retry after 2 s; the whole hand-over is repeated.
        Assert.Equal(first, await _orders.ExpectMsgAsync<RecordProcedureStep>(TimeSpan.FromSeconds(6)));
        Assert.False((await StateAsync(entity)).Propagated);
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Accepted, OrderState.InProgress, null, null));
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));
        await _exceptions.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_second_N_CREATE_is_refused_0111_and_recorded_as_an_exception()
    {
        var entity = Spawn();
        var create = MppsDatasets.NCreate("CT01", Accession);
        await SendAsync(entity, MppsOperation.Create, create);
        var refused = Assert.IsType<MppsOutcome.Refused>((await SendAsync(entity, MppsOperation.Create, create)).Outcome);
        Assert.Equal(DicomStatus.DuplicateSOPInstance, refused.Status);

        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(("dicom:mpps", "N-CREATE", Uid, "0111", "CT01"), (ex.Source, ex.MessageType, ex.MessageControlId, ex.AckCode, ex.Remote));
        Assert.Contains("refused with 0111", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(create, ex.Raw);
    }

    [Fact]
    public async Task An_N_SET_of_an_instance_the_study_does_not_hold_is_refused_0112_and_journals_nothing()
    {
        var entity = Spawn();
        var set = MppsDatasets.NSetCompleted();
        var refused = Assert.IsType<MppsOutcome.Refused>((await SendAsync(entity, MppsOperation.Set, set)).Outcome);
        Assert.Equal(DicomStatus.NoSuchObjectInstance, refused.Status);
        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(("N-SET", "0112", set), (ex.MessageType, ex.AckCode, ex.Raw));

        await WatchAndStop(entity);
        var again = Spawn();
        Assert.Null((await StateAsync(again)).Attributes);
        Assert.False((await again.Ask<StudyStateReply>(new GetStudyState(MppsDatasets.StudyUid), TimeSpan.FromSeconds(3))).Exists);
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task An_N_SET_after_COMPLETED_is_refused_0110_A710()
    {
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", Accession));
        await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted());
        var again = MppsDatasets.NSetCompleted(images: 4);
        var refused = Assert.IsType<MppsOutcome.Refused>((await SendAsync(entity, MppsOperation.Set, again)).Outcome);
        Assert.Equal((DicomStatus.ProcessingFailure, (ushort?)MppsRules.MayNoLongerBeUpdatedErrorId), (refused.Status, refused.ErrorId));
        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(Sys.DeadLetters, _exceptions.LastSender);
        Assert.Equal(("N-SET", "0110", again), (ex.MessageType, ex.AckCode, ex.Raw));
        Assert.Equal(MppsStatus.Completed, (await StateAsync(entity)).Attributes!.Status);
    }

    [Fact]
    public async Task An_order_rejection_is_recorded_with_the_dataset_and_the_MPPS_still_counts_as_handed_over()
    {
        var entity = Spawn();
        var create = MppsDatasets.NCreate("CT01", Accession);
        await SendAsync(entity, MppsOperation.Create, create);
        await _orders.ExpectMsgAsync<RecordProcedureStep>();
        var rejection = new OrderRejection("order ACC20001 is cancelled", Hl7ErrorCode.ApplicationRecordLocked, null);
        _orders.Reply(new OrderCommandResult(Key, OrderOutcome.Rejected, OrderState.Cancelled, rejection, null));

        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(("dicom:mpps", "N-CREATE", Uid, "CT01"), (ex.Source, ex.MessageType, ex.MessageControlId, ex.Remote));
        Assert.Contains("order ACC20001 is cancelled", ex.Reason, StringComparison.Ordinal);
        Assert.Contains("MAINHOSP", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(create, ex.Raw);
        // Not retried: the same command would be refused again.
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));
        await _orders.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task An_unscheduled_MPPS_is_kept_on_its_study_and_raised_for_having_no_order()
    {
        var entity = Spawn();
        var create = MppsDatasets.NCreate("CT01");
        await SendAsync(entity, MppsOperation.Create, create);

        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Contains("names no accession", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(create, ex.Raw);
        // Sent without a sender: the store's ExceptionStored would reach a study that has no use for it (logged unhandled).
        Assert.Equal(Sys.DeadLetters, _exceptions.LastSender);
        await AwaitAssertAsync(async () => Assert.True((await StateAsync(entity)).Propagated), TimeSpan.FromSeconds(3));
        var study = await StudyAsync(entity);
        Assert.Equal(Uid, study.Mpps.Single().MppsInstanceUid);
        Assert.Empty(study.Orders);
        await _orders.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_modality_of_no_known_site_is_raised_and_its_MPPS_is_still_kept_on_the_study()
    {
        var entity = Spawn();
        await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("XR99", Accession), callingAe: "XR99");
        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Contains("XR99 is not a configured modality", ex.Reason, StringComparison.Ordinal);
        Assert.Equal("XR99", ex.Remote);
        Assert.Equal(Uid, (await StudyAsync(entity)).Mpps.Single().MppsInstanceUid);
        await _orders.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_dataset_that_cannot_be_read_is_refused_0110_and_kept_as_an_exception()
    {
        var entity = Spawn();
        // (0010,0010) PN claiming 255 bytes, with none following.
        byte[] garbage = [0x10, 0x00, 0x10, 0x00, 0x50, 0x4e, 0xff, 0x00];
        var refused = Assert.IsType<MppsOutcome.Refused>((await SendAsync(entity, MppsOperation.Create, garbage)).Outcome);
        Assert.Equal(DicomStatus.ProcessingFailure, refused.Status);
        var ex = await _exceptions.ExpectMsgAsync<RecordException>();
        Assert.Equal(garbage, ex.Raw);
        Assert.Null((await StateAsync(entity)).Attributes);
    }

    private IActorRef Spawn(TimeSpan? markerDelay = null) => Sys.ActorOf(StudyEntity.GetProps(MppsDatasets.StudyUid, new StudyEntityContext(
        0, _orders, _studies, _exceptions, new ModalityDirectory(SampleOrders.Sites), markerDelay ?? TimeSpan.Zero, ForwardsMpps: false)));

    // A child of the probe, as a study is a child of its shard.
    private async Task<IActorRef> SpawnUnderAsync(TestProbe parent, TimeSpan markerDelay) => await parent.ChildActorOfAsync(StudyEntity.GetProps(MppsDatasets.StudyUid, new StudyEntityContext(
        0, _orders, _studies, _exceptions, new ModalityDirectory(SampleOrders.Sites), markerDelay, ForwardsMpps: false)));

    private async Task<MppsRequestResult> SendAsync(IActorRef entity, MppsOperation operation, byte[] dataset, string callingAe = "CT01")
    {
        entity.Tell(new MppsRequest(Uid, operation, callingAe, dataset, At), TestActor);
        return await ExpectMsgAsync<MppsRequestResult>();
    }

    private async Task<MppsStateReply> StateAsync(IActorRef entity) =>
        await entity.Ask<MppsStateReply>(new GetMppsState(Uid), TimeSpan.FromSeconds(3));

    private async Task<StudySnapshot> StudyAsync(IActorRef entity) =>
        (await entity.Ask<StudyStateReply>(new GetStudyState(MppsDatasets.StudyUid), TimeSpan.FromSeconds(3))).Snapshot;

    private async Task WatchAndStop(IActorRef actor)
    {
        Watch(actor);
        actor.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(actor);
    }
}
