using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace ActorBroker.Actors.Inbound;

/// <summary>
/// The durable inbound log of one HL7 listener: the write path that lets the broker ACK thousands of
/// orders a second on SQLite. Each accepted message is one journaled event, written with
/// PersistAsync so concurrent messages share a transaction; the AA goes out when the event is in
/// the journal. The log then delivers the commands to their order entities at least once, in order
/// per order and in parallel across orders (no head-of-line blocking), and re-delivers after a
/// crash from its last checkpoint; order entities drop what they already applied (MSH-10 dedup).
/// A command an order refuses after the AA becomes an exception record with the raw message.
/// The ACK path comes first (<see cref="ApplyGate"/>): during a burst applying pauses until it ends, and a backlog
/// at its bound makes new messages wait for their journaling.
/// </summary>
public sealed class InboundLogActor : ReceivePersistentActor, IWithTimers
{
    private const int DedupWindow = 50_000;

    // A snapshot carries every message still to apply, raw bytes and all: with a burst's backlog behind it that is
    // tens of MB written while ACKs wait. Above this many, the snapshot waits for the backlog to shrink (a restart
    // meanwhile replays the log from the last snapshot, at most the backlog's bound of messages).
    private const int SnapshotBacklogLimit = 1_000;
    private static readonly TimeSpan RedeliverAfter = TimeSpan.FromSeconds(10);

    private readonly string _source;
    private readonly int _maxInFlight;
    private readonly int _snapshotEvery;
    private readonly IActorRef _orders;
    private readonly IActorRef _exceptions;
    private readonly TimeProvider _time;
    private readonly ApplyGate _gate;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    // Durable state (rebuilt on recovery).
    private readonly SortedDictionary<long, Pending> _pending = new();
    private readonly Dictionary<string, long> _recentKeys = new(StringComparer.Ordinal);
    private readonly Queue<string> _recentOrder = new();

    // Resends of a message whose write is still in flight: they get its answer when it lands.
    private readonly Dictionary<string, List<IActorRef>> _writing = new(StringComparer.Ordinal);
    private long _checkpoint;
    private long _eventsSinceSnapshot;

    // Messages ACKed whose commands have not all reached their orders (the gate's backlog), and messages waiting
    // for the backlog to shrink before they are journaled, with who asked.
    private int _backlog;
    private readonly Queue<(LogInbound Message, IActorRef Sender)> _held = new();

    // Delivery state (rebuilt from _pending after recovery).
    private readonly Dictionary<string, Queue<Delivery>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Delivery Delivery, DateTimeOffset SentAt)> _inFlight = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();
    private long _applied;
    private long _rejected;
    private long _redelivered;
    private long _expired;
    private ICancelable? _tick;

    public InboundLogActor(string persistenceId, string source, IActorRef orders, IActorRef exceptions, TimeProvider time, int maxInFlight, int snapshotEvery = 5_000, ApplyGate? gate = null)
    {
        _gate = gate ?? new ApplyGate(0, 0);
        PersistenceId = persistenceId;
        _maxInFlight = maxInFlight;
        _snapshotEvery = Math.Max(1, snapshotEvery);
        _source = source;
        _orders = orders;
        _exceptions = exceptions;
        _time = time;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is InboundLogSnapshot s)
            {
                _checkpoint = s.Checkpoint;
                foreach (var p in s.Pending)
                {
                    _pending[p.SequenceNr] = new Pending(p.Accepted, p.Accepted.Commands.Count);
                }

                foreach (var key in s.RecentMessageKeys)
                {
                    Remember(key, 0);
                }
            }
        });
        Recover<InboundAccepted>(e => Accept(e, LastSequenceNr));
        Recover<InboundCheckpoint>(c => Checkpoint(c.UpTo));
        Recover<RecoveryCompleted>(_ =>
        {
            _backlog = _pending.Values.Count(p => !p.Done);
            foreach (var (seq, p) in _pending)
            {
                foreach (var c in p.Accepted.Commands)
                {
                    Enqueue(new Delivery(seq, c));
                }
            }

            if (_pending.Count > 0)
            {
                _log.Info("Inbound log {0}: re-delivering {1} messages after restart (checkpoint {2})", PersistenceId, _pending.Count, _checkpoint);
            }

            Dispatch();
        });

        Command<LogInbound>(m => Handle(m, Sender));
        Command<OrderCommandResult>(Delivered);
        Command<Tick>(_ => OnTick());
        Command<ResumeApply>(_ => Dispatch());
        Command<GetInboundLogStatus>(_ => Sender.Tell(new InboundLogStatus(
            LastSequenceNr, _checkpoint, _pending.Count, _queues.Values.Sum(q => q.Count), _inFlight.Count, _applied, _rejected, _redelivered,
            _backlog, _held.Count, _gate.ShouldYield(_time.GetUtcNow(), _backlog), _expired)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Inbound log {0}: snapshot failed: {1}", PersistenceId, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props GetProps(string persistenceId, string source, IActorRef orders, IActorRef exceptions, TimeProvider time, int maxInFlight = 64, int snapshotEvery = 5_000, ApplyGate? gate = null) =>
        Props.Create(() => new InboundLogActor(persistenceId, source, orders, exceptions, time, maxInFlight, snapshotEvery, gate));

    protected override void PreStart()
    {
        base.PreStart();
        _tick = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), Self, Tick.Instance, Self);
    }

    protected override void PostStop()
    {
        _tick?.Cancel();
        base.PostStop();
    }

    private void Handle(LogInbound cmd, IActorRef sender, bool released = false)
    {
        var key = cmd.Message.IdempotencyKey;
        if (_recentKeys.TryGetValue(key, out var earlier))
        {
            sender.Tell(new InboundLogged(earlier, Duplicate: true));
            return;
        }

        if (_writing.TryGetValue(key, out var waiters))
        {
            waiters.Add(sender);
            return;
        }

        if (!released && (_held.Count > 0 || _gate.MustHold(BacklogWithWrites)))
        {
            // In arrival order behind any already waiting; applying runs meanwhile (the gate never yields here).
            _held.Enqueue((cmd, sender));
            Dispatch();
            return;
        }

        _gate.OnIntake(_time.GetUtcNow());
        _writing[key] = [];
        var accepted = new InboundAccepted(_source, cmd.Message, cmd.Commands, cmd.Remote, cmd.Raw);
        PersistAsync(accepted, e =>
        {
            var seq = LastSequenceNr;
            Accept(e, seq);
            sender.Tell(new InboundLogged(seq, Duplicate: false));
            if (_writing.Remove(key, out var resends))
            {
                resends.ForEach(r => r.Tell(new InboundLogged(seq, Duplicate: true)));
            }
            foreach (var c in e.Commands)
            {
                Enqueue(new Delivery(seq, c));
            }

            Dispatch();
            MaybeSnapshot();
        });
    }

    private void Accept(InboundAccepted e, long seq)
    {
        Remember(e.Message.IdempotencyKey, seq);
        if (seq > _checkpoint)
        {
            var p = new Pending(e, e.Commands.Count);
            _pending[seq] = p;
            if (!p.Done)
            {
                _backlog++;
            }
        }

        _eventsSinceSnapshot++;
    }

    private void Checkpoint(long upTo)
    {
        _checkpoint = Math.Max(_checkpoint, upTo);
        foreach (var seq in _pending.Keys.TakeWhile(s => s <= upTo).ToList())
        {
            _pending.Remove(seq);
        }

        _eventsSinceSnapshot++;
    }

    private void Remember(string key, long seq)
    {
        if (_recentKeys.TryAdd(key, seq))
        {
            _recentOrder.Enqueue(key);
            while (_recentOrder.Count > DedupWindow)
            {
                _recentKeys.Remove(_recentOrder.Dequeue());
            }
        }
    }

    private void Enqueue(Delivery d)
    {
        var entityId = d.Command.Key.EntityId;
        if (!_queues.TryGetValue(entityId, out var q))
        {
            _queues[entityId] = q = new Queue<Delivery>();
        }

        q.Enqueue(d);
        if (q.Count == 1 && !_inFlight.ContainsKey(entityId))
        {
            _ready.Enqueue(entityId);
        }
    }

    // One command in flight per order keeps each order's commands in log order; many orders in
    // flight at once keep a slow or failing order from holding up the others.
    private void Dispatch()
    {
        var limit = _gate.Concurrency(_time.GetUtcNow(), _backlog, _maxInFlight);
        if (limit < _maxInFlight && _ready.Count > 0 && !Timers.IsTimerActive("resume"))
        {
            // Held back for the messages still arriving: look again in one rate window (the last message of a
            // burst leaves a quiet window behind it, and then the whole width applies).
            Timers.StartSingleTimer("resume", ResumeApply.Instance, ApplyGate.Window);
        }

        while (_inFlight.Count < limit && _ready.Count > 0)
        {
            var entityId = _ready.Dequeue();
            if (_inFlight.ContainsKey(entityId) || !_queues.TryGetValue(entityId, out var q) || q.Count == 0)
            {
                continue;
            }

            var d = q.Peek();
            _inFlight[entityId] = (d, _time.GetUtcNow());
            _orders.Tell(d.Command, Self);
        }
    }

    private void Delivered(OrderCommandResult result)
    {
        var entityId = result.Key.EntityId;
        if (!_inFlight.TryGetValue(entityId, out var flight))
        {
            return; // a late answer to a delivery already retried
        }

        if (result.Outcome == OrderOutcome.Failed)
        {
            // The order could not journal: leave it in flight; the tick re-sends it after a pause.
            _inFlight[entityId] = (flight.Delivery, _time.GetUtcNow() - RedeliverAfter + TimeSpan.FromSeconds(2));
            return;
        }

        _inFlight.Remove(entityId);
        var q = _queues[entityId];
        q.Dequeue();
        if (q.Count == 0)
        {
            _queues.Remove(entityId);
        }
        else
        {
            _ready.Enqueue(entityId);
        }

        if (result.Outcome == OrderOutcome.Rejected)
        {
            _rejected++;
            RecordRejection(flight.Delivery, result);
        }
        else
        {
            _applied++;
            if (result.Rejection is not null)
            {
                // Journaled and raised: e.g. a report that came before its order (kept until the NW arrives).
                RecordRejection(flight.Delivery, result, applied: true);
            }
        }

        if (_pending.TryGetValue(flight.Delivery.SequenceNr, out var p))
        {
            p.Remaining--;
            if (p.Remaining <= 0 && !p.Done)
            {
                p.Done = true;
                _backlog--;
            }
        }

        ReleaseHeld();
        Dispatch();
    }

    // The backlog once the writes in flight land: a released message joins the backlog only when its write is
    // journaled, so counting the backlog alone would release every held message at the first free place.
    private int BacklogWithWrites => _backlog + _writing.Count;

    private void ReleaseHeld()
    {
        var now = _time.GetUtcNow();
        while (_held.Count > 0 && !_gate.MustHold(BacklogWithWrites))
        {
            var (message, sender) = _held.Dequeue();
            if (message.AnswerBy < now)
            {
                // Its sender was told AE 207 (not stored, resend): storing it now would make that untrue.
                _expired++;
                continue;
            }

            Handle(message, sender, released: true);
        }
    }

    private void RecordRejection(Delivery d, OrderCommandResult result, bool applied = false)
    {
        if (!_pending.TryGetValue(d.SequenceNr, out var p))
        {
            return;
        }

        var r = result.Rejection!;
        var m = p.Accepted.Message;
        _exceptions.Record(new RecordException(
            _source,
            applied
                ? $"accepted (AA) and kept with order {d.Command.Key.Accession}, but needs attention: {r.Reason}"
                : $"accepted (AA) but not applied to order {d.Command.Key.Accession}: {r.Reason}",
            r.Location?.ToString(),
            d.Command.GetType().Name,
            m.MessageControlId,
            "AA",
            p.Accepted.Remote,
            p.Accepted.Raw));
    }

    private void OnTick()
    {
        var now = _time.GetUtcNow();
        foreach (var (entityId, flight) in _inFlight.ToList())
        {
            if (now - flight.SentAt >= RedeliverAfter)
            {
                // No answer (the order was restarting, or a node went away): send again; the
                // order recognises a command it already applied by its message id.
                _redelivered++;
                _inFlight[entityId] = (flight.Delivery, now);
                _orders.Tell(flight.Delivery.Command, Self);
            }
        }

        // Advance the checkpoint over every leading message whose commands all reached their orders.
        var upTo = _checkpoint;
        foreach (var (seq, p) in _pending)
        {
            if (!p.Done)
            {
                break;
            }

            upTo = seq;
        }

        if (upTo > _checkpoint)
        {
            PersistAsync(new InboundCheckpoint(upTo), c =>
            {
                Checkpoint(c.UpTo);
                MaybeSnapshot();
            });
        }
    }

    private void MaybeSnapshot()
    {
        if (_eventsSinceSnapshot < _snapshotEvery || _backlog > SnapshotBacklogLimit)
        {
            return;
        }

        // Only what is still to deliver. A message whose commands all reached their orders (done, waiting for the next
        // checkpoint) needs nothing after a restart; the checkpoint may pass it. At 1,000 orders/s about a second's
        // worth of messages is done but not yet checkpointed: with their raw bytes and commands that made each snapshot
        // several MB, written through the journal's one SQLite writer while ACKs wait behind it (perf/README.md,
        // session 5: snapshots off vs on moved the p99 at 1,000/s by less than the run-to-run noise).
        _eventsSinceSnapshot = 0;
        var pending = _pending.Where(kv => !kv.Value.Done).Select(kv => new InboundPending(kv.Key, kv.Value.Accepted)).ToList();
        SaveSnapshot(new InboundLogSnapshot(_checkpoint, pending, _recentOrder.ToList()));
    }

    private sealed record Delivery(long SequenceNr, IOrderCommand Command);

    private sealed class Pending(InboundAccepted accepted, int remaining)
    {
        public InboundAccepted Accepted { get; } = accepted;

        public int Remaining { get; set; } = remaining;

        public bool Done { get; set; } = remaining == 0;
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed class ResumeApply
    {
        public static readonly ResumeApply Instance = new();
    }
}
