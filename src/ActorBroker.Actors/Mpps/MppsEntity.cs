using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Studies;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mpps;
using Akka.Actor;
using Akka.Event;
using ActorBroker.Actors.Persistence;
using Akka.Persistence;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// One persistent actor per MPPS SOP Instance UID: the PS3.4 Annex F state machine (<see cref="MppsRules"/>) and the
/// hand-over of each accepted state to the orders and studies it concerns. The modality's response goes out once
/// the event is journaled (like an HL7 AA); the hand-over follows, at least once: every event is re-sent after a
/// crash until a <see cref="MppsPropagated"/> marker says its orders and studies have it (they recognise a resend).
/// An N-SET that arrives while the N-CREATE is still being handed over waits its turn in the journal order; none
/// is dropped.
/// </summary>
public sealed class MppsEntity : ReceivePersistentActor, IWithTimers
{
    public const string TagAll = "mpps";

    /// <summary>Persistence ids are this and the MPPS SOP Instance UID (<see cref="MppsHandOverScan"/> reads by it).</summary>
    public const string PersistenceIdPrefix = "mpps-";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private readonly string _uid;
    private readonly MppsEntityContext _ctx;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly SortedDictionary<long, (string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw)> _unpropagated = [];
    private MppsAttributes? _current;
    private string _callingAe = "";
    private long _propagatedUpTo;
    private bool _propagating;
    private int _failures;

    public MppsEntity(string mppsUid, MppsEntityContext ctx)
    {
        _uid = mppsUid;
        _ctx = ctx;
        PersistenceId = PersistenceIdPrefix + mppsUid;

        Recover<MppsCreated>(Replay);
        Recover<MppsUpdated>(Replay);
        Recover<MppsPropagated>(e => Propagated(e.UpToSequenceNr));
        // SQL journals store the payload and the tags apart; in-memory journals hand Tagged back.
        Recover<Akka.Persistence.Journal.Tagged>(t => Replay(t.Payload));
        Recover<RecoveryCompleted>(_ => Propagate());

        Command<MppsRequest>(Handle);
        Command<GetMppsState>(_ => Sender.Tell(new MppsStateReply(_uid, _current, _callingAe, _unpropagated.Count == 0)));
        Command<PropagationDone>(OnPropagationDone);
        Command<PropagationFailed>(f =>
        {
            _propagating = false;
            _failures++;
            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(_failures, 6))));
            _log.Warning("MPPS {0}: hand-over of event {1} failed ({2}); retrying in {3}", _uid, f.SequenceNr, f.Reason, delay);
            Timers.StartSingleTimer("retry", RetryPropagation.Instance, delay);
        });
        Command<RetryPropagation>(_ => Propagate());
        Command<ResumeMppsHandOver>(_ => Propagate());
    }

    public override string PersistenceId { get; }

    /// <summary>
    /// An MPPS instance never snapshots (a handful of events in its life): recovery skips the snapshot store, so a
    /// new instance's N-CREATE waits for one journal query (its highest sequence number) instead of two.
    /// </summary>
    public override Recovery Recovery => SnapshotlessRecovery.Instance;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props GetProps(string mppsUid, MppsEntityContext ctx) => Props.Create(() => new MppsEntity(mppsUid, ctx));

    private void Handle(MppsRequest request)
    {
        DicomDataset dataset;
        try
        {
            dataset = DicomDatasetReader.Read(request.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        }
        catch (DicomFormatException e)
        {
            Refuse(request, new MppsOutcome.Refused(Dicom.Dimse.DicomStatus.ProcessingFailure, "dataset could not be read: " + e.Message, null, []));
            return;
        }

        var outcome = request.Operation == MppsOperation.Create
            ? MppsRules.Create(_current is not null, request.MppsUid, dataset)
            : MppsRules.Set(_current, request.MppsUid, dataset);
        if (outcome is not MppsOutcome.Accepted accepted)
        {
            Refuse(request, outcome);
            return;
        }

        var sender = Sender;
        object journaled = request.Operation == MppsOperation.Create
            ? new MppsCreated(_uid, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset)
            : new MppsUpdated(_uid, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset);
        Persist(new Akka.Persistence.Journal.Tagged(journaled, [TagAll]), _ =>
        {
            Remember(LastSequenceNr, request.CallingAe, accepted.Attributes, request.ReceivedAt, request.Dataset);
            sender.Tell(new MppsRequestResult(outcome));
            Propagate();
        });
    }

    private void Refuse(MppsRequest request, MppsOutcome outcome)
    {
        Sender.Tell(new MppsRequestResult(outcome));
        if (outcome is MppsOutcome.Refused r)
        {
            // Bad input loses nothing: the dataset goes to the exception store with the status the modality got.
            _ctx.Exceptions.Tell(new RecordException(
                "dicom:mpps",
                $"{(request.Operation == MppsOperation.Create ? "N-CREATE" : "N-SET")} of MPPS {_uid} refused with {r.Status.Code:X4}: {r.ErrorComment}",
                r.OffendingElements.Count > 0 ? string.Join(",", r.OffendingElements) : null,
                request.Operation == MppsOperation.Create ? "N-CREATE" : "N-SET",
                _uid,
                r.Status.Code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture),
                request.CallingAe,
                request.Dataset));
        }
    }

    private void Replay(object e)
    {
        switch (e)
        {
            case MppsCreated c:
                Remember(LastSequenceNr, c.CallingAe, c.Attributes, c.At, c.Raw);
                break;
            case MppsUpdated u:
                Remember(LastSequenceNr, u.CallingAe, u.Attributes, u.At, u.Raw);
                break;
        }
    }

    private void Remember(long seq, string callingAe, MppsAttributes attributes, DateTimeOffset at, byte[] raw)
    {
        _current = attributes;
        _callingAe = callingAe;
        if (seq > _propagatedUpTo)
        {
            _unpropagated[seq] = (callingAe, attributes, at, raw);
        }
    }

    private void Propagated(long upTo)
    {
        _propagatedUpTo = Math.Max(_propagatedUpTo, upTo);
        foreach (var seq in _unpropagated.Keys.Where(k => k <= upTo).ToList())
        {
            _unpropagated.Remove(seq);
        }
    }

    // One event at a time, in journal order, so an order never sees COMPLETED before IN PROGRESS.
    private void Propagate()
    {
        if (_propagating || _unpropagated.Count == 0)
        {
            return;
        }

        _propagating = true;
        var (seq, item) = _unpropagated.First();
        var targets = MppsTargets.For(_uid, item.CallingAe, item.Attributes, item.At, _ctx.Modalities);
        var orders = targets.Orders.Select(c => _ctx.Orders.Ask<OrderCommandResult>(c, AskTimeout)).ToArray();
        var studies = targets.Studies.Select(c => _ctx.Studies.Ask<StudyCommandResult>(c, AskTimeout)).ToArray();
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
        var status = item.Attributes.Status;
        // Raised on every state of the MPPS: the exception store counts a repeat of the same reason once.
        foreach (var problem in done.Problems)
        {
            Raise(problem, item, status);
        }

        foreach (var o in done.Orders)
        {
            if (o.Rejection is { } rejection)
            {
                Raise($"MPPS {_uid} ({status}) for order {o.Key.Accession} at {o.Key.Site}: {rejection.Reason}", item, status);
            }
        }

        Persist(new MppsPropagated(done.SequenceNr), e =>
        {
            Propagated(e.UpToSequenceNr);
            _propagating = false;
            Propagate();
        });
    }

    private void Raise(string reason, (string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw) item, string status) =>
        _ctx.Exceptions.Tell(new RecordException("dicom:mpps", reason, null, status == "IN PROGRESS" ? "N-CREATE" : "N-SET", _uid, null, item.CallingAe, item.Raw));

    protected override void PostStop()
    {
        // Nothing else would wake this instance (its modality is done with it): the resumer will.
        if (_unpropagated.Count > 0)
        {
            Context.System.EventStream.Publish(new MppsHandOverPending(_uid));
        }

        base.PostStop();
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The modality gets no response (its association waits, then times out and it sends again);
        // the backoff supervisor restarts this entity.
        _log.Error(cause, "MPPS {0}: journal write failed", _uid);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    private sealed record PropagationDone(long SequenceNr, IReadOnlyList<OrderCommandResult> Orders, IReadOnlyList<StudyCommandResult> Studies, IReadOnlyList<string> Problems);

    private sealed record PropagationFailed(long SequenceNr, string Reason);

    private sealed class RetryPropagation
    {
        public static readonly RetryPropagation Instance = new();
    }
}
