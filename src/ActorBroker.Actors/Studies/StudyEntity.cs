using ActorBroker.Actors.Persistence;
using ActorBroker.Domain.Studies;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Studies;

/// <summary>
/// One persistent actor per Study Instance UID, a thin shell around <see cref="StudyDecider"/>: the MPPS instances
/// performed for the study and their states, the performed series, the orders it fulfils. It answers only after
/// the journal has the fact, so the MPPS entity's hand-over is at least once.
/// </summary>
public sealed class StudyEntity : ReceivePersistentActor
{
    public const string TagAll = "study";

    private readonly string _uid;
    private readonly SnapshotInterval _snapshots;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private StudySnapshot _state;

    public StudyEntity(string studyUid, int snapshotEvery)
    {
        _uid = studyUid;
        _snapshots = new SnapshotInterval(snapshotEvery);
        _state = StudySnapshot.Empty(studyUid);
        PersistenceId = "study-" + studyUid;

        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is StudySnapshot s)
            {
                _state = s;
            }
        });
        Recover<StudyMppsRecorded>(e => _state = StudyDecider.Apply(_state, e));
        Recover<Tagged>(t => _state = StudyDecider.Apply(_state, (StudyMppsRecorded)t.Payload));
        Command<RecordStudyMpps>(Handle);
        Command<GetStudyState>(_ => Sender.Tell(new StudyStateReply(_state, _state.Exists)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Snapshot of {0} failed: {1}", PersistenceId, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    /// <summary>With snapshot-every 0 (the default) a study never snapshots and recovers from its events alone (see
    /// <see cref="SnapshotlessRecovery"/>): one query less for each new study, i.e. each MPPS of a new exam.</summary>
    public override Recovery Recovery => _snapshots.Recovery(base.Recovery);

    public static Props GetProps(string studyUid, int snapshotEvery) => Props.Create(() => new StudyEntity(studyUid, snapshotEvery));

    private void Handle(RecordStudyMpps command)
    {
        var sender = Sender;
        switch (StudyDecider.Decide(_state, command))
        {
            case StudyDecision.Accepted accepted:
                Persist(new Tagged(accepted.Event, [TagAll]), t =>
                {
                    _state = StudyDecider.Apply(_state, (StudyMppsRecorded)t.Payload);
                    sender.Tell(new StudyCommandResult(_uid, true, null));
                    if (_snapshots.IsDue(LastSequenceNr))
                    {
                        SaveSnapshot(_state);
                    }
                });
                break;
            case StudyDecision.Duplicate d:
                sender.Tell(new StudyCommandResult(_uid, true, d.Reason));
                break;
            case StudyDecision.Rejected r:
                // Not retried: the same command would be refused again. The MPPS entity raises what its orders refuse.
                _log.Warning("Study {0}: MPPS {1} not recorded: {2}", _uid, command.MppsInstanceUid, r.Reason);
                sender.Tell(new StudyCommandResult(_uid, true, r.Reason));
                break;
        }
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "Study {0}: journal write failed", _uid);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
