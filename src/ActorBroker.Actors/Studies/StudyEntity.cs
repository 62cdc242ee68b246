using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;
using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Studies;

/// <summary>
/// One persistent actor per Study Instance UID: the MPPS instances performed for the study and their states, the
/// performed series, the orders it fulfils (<see cref="StudyDecider"/>).
/// <para>
/// It also holds the PS3.4 Annex F state machine (<see cref="MppsRules"/>) of every MPPS instance whose N-CREATE names
/// it first (<see cref="MppsRouter"/>): the modality's answer goes out once the study has journaled the request (like
/// an HL7 AA), and the study then hands the state to the orders it performs (and to the other studies of a grouped
/// procedure), at least once: one state at a time, in journal order, so an order never sees COMPLETED before
/// IN PROGRESS, and again after a crash until a <see cref="MppsPropagated"/> marker says the orders have it (they
/// recognise a resend). The marker is journaled only once nothing is left to hand over, after a short pause, so one
/// marker usually covers an exam's N-CREATE and N-SET; without the pause once every MPPS it holds is COMPLETED or
/// DISCONTINUED (no N-SET can follow). Then the study asks its shard to passivate it: a finished exam leaves memory
/// at once instead of after the idle time (<c>orders.passivate-after</c>), which on a busy node is thousands of
/// studies the garbage collector would otherwise carry into its oldest generation.
/// </para>
/// </summary>
public sealed class StudyEntity : ReceivePersistentActor, IWithTimers
{
    /// <summary>Tag of the study events recorded for an MPPS held by another study (a grouped procedure).</summary>
    public const string TagAll = "study";

    /// <summary>Tag of every accepted MPPS request when MPPS is forwarded to a PACS (the forwarding outbox reads them).</summary>
    public const string MppsTag = "mpps";

    /// <summary>Persistence ids are this and the Study Instance UID (<see cref="MppsHandOverScan"/> and <see cref="MppsStudyIndex"/> read by it).</summary>
    public const string PersistenceIdPrefix = "study-";

    private static readonly string[] ForwardTags = [MppsTag];

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly string _uid;
    private readonly StudyEntityContext _ctx;
    private readonly SnapshotInterval _snapshots;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, HeldMpps> _held = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, MppsState> _unpropagated = [];
    private StudySnapshot _state;
    private long _lastMppsEvent;
    private long _marker;
    private bool _propagating;
    private bool _snapshotDue;
    private int _failures;

    public StudyEntity(string studyUid, StudyEntityContext ctx)
    {
        _uid = studyUid;
        _ctx = ctx;
        _snapshots = new SnapshotInterval(ctx.SnapshotEvery);
        _state = StudySnapshot.Empty(studyUid);
        PersistenceId = PersistenceIdPrefix + studyUid;

        Recover<SnapshotOffer>(o =>
        {
            _marker = o.Metadata.SequenceNr;
            switch (o.Snapshot)
            {
                case StudyEntitySnapshot s:
                    _state = s.Study;
                    foreach (var h in s.Instances)
                    {
                        _held[h.MppsUid] = h;
                    }

                    break;
                case StudySnapshot s:
                    _state = s;
                    break;
            }
        });
        Recover<Tagged>(t => Replay(t.Payload));
        Recover<StudyMppsRecorded>(Replay);
        Recover<MppsCreated>(Replay);
        Recover<MppsUpdated>(Replay);
        Recover<MppsPropagated>(Replay);
        Recover<RecoveryCompleted>(_ => Propagate());

        Command<MppsRequest>(Handle);
        Command<RecordStudyMpps>(Handle);
        Command<GetStudyState>(_ => Sender.Tell(new StudyStateReply(_state, _state.Exists)));
        Command<GetMppsState>(g =>
        {
            var held = _held.GetValueOrDefault(g.MppsUid);
            Sender.Tell(new MppsStateReply(g.MppsUid, held?.Attributes, held?.CallingAe ?? "", !_unpropagated.Values.Any(p => p.MppsUid == g.MppsUid)));
        });
        Command<PropagationDone>(OnPropagationDone);
        Command<PropagationFailed>(f =>
        {
            _propagating = false;
            _failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(_failures, 6))));
            _log.Warning("Study {0}: hand-over of MPPS event {1} failed ({2}); retrying in {3}", _uid, f.SequenceNr, f.Reason, delay);
            Timers.StartSingleTimer("retry", RetryPropagation.Instance, delay);
        });
        Command<RetryPropagation>(_ => Propagate());
        Command<ResumeMppsHandOver>(_ => Propagate());
        Command<WriteMarker>(_ => Mark());
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Snapshot of {0} failed: {1}", PersistenceId, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    /// <summary>With snapshot-every 0 (the default) a study never snapshots and recovers from its events alone (see
    /// <see cref="SnapshotlessRecovery"/>): one query less for each new study, i.e. each exam's N-CREATE.</summary>
    public override Recovery Recovery => _snapshots.Recovery(base.Recovery);

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>One study entity a new exam starts. Built by a producer, not <c>Props.Create(() => new ...)</c>: that builds
    /// and walks an expression tree for every entity, and a busy node starts one for each exam (~0.5% of its CPU under
    /// MPPS load, perf/README.md, session 14).</summary>
    public static Props GetProps(string studyUid, StudyEntityContext ctx) => Props.CreateBy(new Producer(studyUid, ctx));

    private void Replay(object e)
    {
        switch (e)
        {
            case StudyMppsRecorded r:
                _state = StudyDecider.Apply(_state, r);
                break;
            case MppsCreated c:
                Held(LastSequenceNr, MppsState.Of(c.MppsUid, c.CallingAe, c.Attributes, c.At, c.Raw, c.Orders, _ctx.Modalities));
                break;
            case MppsUpdated u:
                Held(LastSequenceNr, MppsState.Of(u.MppsUid, u.CallingAe, u.Attributes, u.At, u.Raw, u.Orders, _ctx.Modalities));
                break;
            case MppsPropagated:
                Marked(LastSequenceNr);
                break;
        }
    }

    private void Handle(MppsRequest request)
    {
        DicomDataset dataset;
        try
        {
            dataset = request.Parsed ?? DicomDatasetReader.Read(request.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        }
        catch (DicomFormatException e)
        {
            Refuse(request, new MppsOutcome.Refused(Dicom.Dimse.DicomStatus.ProcessingFailure, "dataset could not be read: " + e.Message, null, []));
            return;
        }

        var held = _held.GetValueOrDefault(request.MppsUid);
        var outcome = request.Operation == MppsOperation.Create
            ? MppsRules.Create(held is not null, request.MppsUid, dataset)
            : MppsRules.Set(held?.Attributes, request.MppsUid, dataset);
        if (outcome is not MppsOutcome.Accepted accepted)
        {
            Refuse(request, outcome);
            return;
        }

        // The orders are resolved once, now, and journaled with the state: a replay rebuilds the same study.
        var state = MppsState.Of(request.MppsUid, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset, null, _ctx.Modalities);
        var orders = state.Targets.Orders.Select(o => o.Key).ToList();
        var sender = Sender;
        // The N-CREATE carries the index tag an N-SET's router finds its study by; "mpps" feeds MPPS forwarding.
        object journaled;
        string[] tags;
        if (request.Operation == MppsOperation.Create)
        {
            journaled = new MppsCreated(request.MppsUid, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset, orders);
            tags = _ctx.ForwardsMpps ? [MppsTag, MppsStudyIndex.TagFor(request.MppsUid)] : [MppsStudyIndex.TagFor(request.MppsUid)];
        }
        else
        {
            journaled = new MppsUpdated(request.MppsUid, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset, orders);
            tags = _ctx.ForwardsMpps ? ForwardTags : [];
        }

        Persist(tags.Length == 0 ? journaled : new Tagged(journaled, tags), _ =>
        {
            Held(LastSequenceNr, state);
            sender.Tell(new MppsRequestResult(outcome));
            Journaled();
            Propagate();
        });
    }

    private void Refuse(MppsRequest request, MppsOutcome outcome)
    {
        Sender.Tell(new MppsRequestResult(outcome));
        MppsRefusal.Record(_ctx.Exceptions, request, outcome);
    }

    /// <summary>The state of an MPPS instance this study holds, as journaled at <paramref name="seq"/>: the study records it, and it waits for its hand-over.</summary>
    private void Held(long seq, MppsState m)
    {
        _held[m.MppsUid] = new HeldMpps(m.MppsUid, m.CallingAe, m.Attributes);
        _lastMppsEvent = seq;
        var own = m.Targets.Studies.FirstOrDefault(s => string.Equals(s.StudyInstanceUid, _uid, StringComparison.Ordinal));
        if (own is not null && StudyDecider.Decide(_state, own) is StudyDecision.Accepted a)
        {
            _state = StudyDecider.Apply(_state, a.Event);
        }

        if (seq > _marker)
        {
            _unpropagated[seq] = m;
        }
    }

    /// <summary>A marker journaled at <paramref name="seq"/>: every MPPS state before it was handed over.</summary>
    private void Marked(long seq)
    {
        _marker = seq;
        foreach (var s in _unpropagated.Keys.Where(k => k < seq).ToList())
        {
            _unpropagated.Remove(s);
        }
    }

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
                    Journaled();
                });
                break;
            case StudyDecision.Duplicate d:
                sender.Tell(new StudyCommandResult(_uid, true, d.Reason));
                break;
            case StudyDecision.Rejected r:
                // Not retried: the same command would be refused again. The study that holds the MPPS raises what its orders refuse.
                _log.Warning("Study {0}: MPPS {1} not recorded: {2}", _uid, command.MppsInstanceUid, r.Reason);
                sender.Tell(new StudyCommandResult(_uid, true, r.Reason));
                break;
        }
    }

    // One state at a time, in journal order, so an order never sees COMPLETED before IN PROGRESS.
    private void Propagate()
    {
        if (_propagating || _unpropagated.Count == 0)
        {
            return;
        }

        _propagating = true;
        var (seq, item) = _unpropagated.First();
        var targets = item.Targets;
        var orders = targets.Orders.Select(c => _ctx.Orders.Ask<OrderCommandResult>(c, AskTimeout)).ToArray();
        var studies = targets.Studies
            .Where(s => !string.Equals(s.StudyInstanceUid, _uid, StringComparison.Ordinal))
            .Select(c => _ctx.Studies.Ask<StudyCommandResult>(c, AskTimeout))
            .ToArray();
        Task.WhenAll(Task.WhenAll(orders), Task.WhenAll(studies)).ContinueWith(
            t => t.IsCompletedSuccessfully
                ? new PropagationDone(seq, orders.Select(o => o.Result).ToList(), studies.Select(s => s.Result).ToList(), targets.Problems)
                : (object)new PropagationFailed(seq, t.Exception?.GetBaseException().Message ?? "cancelled"),
            TaskScheduler.Default).PipeTo(Self);
    }

    private void OnPropagationDone(PropagationDone done)
    {
        var failed = done.Orders.Where(o => o.Outcome == OrderOutcome.Failed).Select(o => o.FailureReason)
            .Concat(done.Studies.Where(s => !s.Ok).Select(s => s.Detail))
            .ToList();
        if (failed.Count > 0)
        {
            Self.Tell(new PropagationFailed(done.SequenceNr, string.Join("; ", failed)));
            return;
        }

        _failures = 0;
        var item = _unpropagated[done.SequenceNr];
        // Raised on every state of the MPPS: the exception store counts a repeat of the same reason once.
        foreach (var problem in done.Problems)
        {
            Raise(problem, item);
        }

        foreach (var o in done.Orders)
        {
            if (o.Rejection is { } rejection)
            {
                Raise($"MPPS {item.MppsUid} ({item.Attributes.Status}) for order {o.Key.Accession} at {o.Key.Site}: {rejection.Reason}", item);
            }
        }

        _unpropagated.Remove(done.SequenceNr);
        _propagating = false;
        if (_unpropagated.Count > 0)
        {
            Propagate();
        }
        else if (_ctx.HandOverMarkerDelay > TimeSpan.Zero && !Finished)
        {
            Timers.StartSingleTimer("marker", WriteMarker.Instance, _ctx.HandOverMarkerDelay);
        }
        else
        {
            // No pause configured, or every MPPS is final: no N-SET is to come for the marker to wait for.
            Timers.Cancel("marker");
            Mark();
        }
    }

    /// <summary>Every MPPS instance this study holds is COMPLETED or DISCONTINUED (PS3.4 F.7.2.2.3: no N-SET may follow).</summary>
    private bool Finished => _held.Count > 0 && _held.Values.All(h => Dicom.Mpps.MppsStatus.IsFinal(h.Attributes.Status));

    // Only with nothing left to hand over: then the marker's place in the journal says that everything before it is done.
    private void Mark()
    {
        if (_propagating || _unpropagated.Count > 0 || _marker >= _lastMppsEvent)
        {
            return;
        }

        Persist(new MppsPropagated(_lastMppsEvent), _ =>
        {
            Marked(LastSequenceNr);
            Journaled();
            if (Finished)
            {
                // The exam is over and its orders have it: nothing is expected of this study but an operator's look or a
                // late modality's refused N-SET, and both recreate it from the journal. Leaving now keeps a busy node's
                // memory to the exams in progress (the shard buffers whatever arrives while it stops).
                Context.Parent.Tell(new Passivate(PoisonPill.Instance));
            }
        });
    }

    // After every write: a snapshot when one is due and nothing waits for a hand-over or its marker (a snapshot
    // stands for the events before it, so it must not hide one whose orders may not have it).
    private void Journaled()
    {
        _snapshotDue |= _snapshots.IsDue(LastSequenceNr);
        if (_snapshotDue && _unpropagated.Count == 0 && _marker >= _lastMppsEvent)
        {
            _snapshotDue = false;
            SaveSnapshot(new StudyEntitySnapshot(_state, [.. _held.Values]));
        }
    }

    private void Raise(string reason, MppsState item) =>
        _ctx.Exceptions.Record(new RecordException(
            MppsRefusal.ExceptionSource, reason, null, item.Attributes.Status == Dicom.Mpps.MppsStatus.InProgress ? "N-CREATE" : "N-SET", item.MppsUid, null, item.CallingAe, item.Raw));

    protected override void PostStop()
    {
        // Nothing else would wake this study (its modality is done with it): the resumer will.
        if (_unpropagated.Count > 0)
        {
            Context.System.EventStream.Publish(new MppsHandOverPending(_uid));
        }

        base.PostStop();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // An MPPS request gets no answer (the modality's association waits, then times out and it sends again). The
        // entity stops; the next request for the study, or the hand-over resumer (PostStop), starts it from the journal.
        _log.Error(cause, "Study {0}: journal write failed", _uid);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>An MPPS state this study journaled, with where it goes (worked out once, when accepted or replayed).</summary>
    private sealed record MppsState(string MppsUid, string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw, MppsTargets Targets)
    {
        public static MppsState Of(string mppsUid, string callingAe, MppsAttributes attributes, DateTimeOffset at, byte[] raw, IReadOnlyList<OrderKey>? orders, ModalityDirectory modalities) =>
            new(mppsUid, callingAe, attributes, at, raw, MppsTargets.For(mppsUid, callingAe, attributes, at, modalities, orders));
    }

    private sealed record PropagationDone(long SequenceNr, IReadOnlyList<OrderCommandResult> Orders, IReadOnlyList<StudyCommandResult> Studies, IReadOnlyList<string> Problems);

    private sealed record PropagationFailed(long SequenceNr, string Reason);

    private sealed class RetryPropagation
    {
        public static readonly RetryPropagation Instance = new();
    }

    private sealed class WriteMarker
    {
        public static readonly WriteMarker Instance = new();
    }

    private sealed class Producer(string studyUid, StudyEntityContext ctx) : IIndirectActorProducer
    {
        public Type ActorType => typeof(StudyEntity);

        public ActorBase Produce() => new StudyEntity(studyUid, ctx);

        public void Release(ActorBase actor)
        {
        }
    }
}
