using ActorBroker.Actors.Exceptions;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Threading;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// A persistent outbox for one outbound interface: a projection of the journal (events by one tag, from the offset
/// it has read up to) into messages, delivered at least once through a transport child. The pure
/// <see cref="OutboxQueue"/> decides what goes out when: one message in flight per order (order kept per order),
/// a window across orders, retries with exponential backoff and jitter, and parking — a parked message holds back
/// only its own order while every other order keeps flowing. What entered the outbox, what was delivered, parked,
/// released or discarded is journaled; attempts and timers are not (after a restart everything waiting is sent
/// again; receivers see the same MSH-10).
/// </summary>
public sealed class OutboxActor : ReceivePersistentActor, IWithTimers
{
    private const int SnapshotEvery = 1000;
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DeliveredFlush = TimeSpan.FromMilliseconds(20);

    private readonly OutboxDefinition _definition;
    private readonly IActorRef _exceptions;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, OutboxItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutboxParked> _parked = new(StringComparer.Ordinal);
    private readonly List<string> _deliveredBuffer = [];
    private readonly Random _random = new();
    private OutboxQueue _queue;
    private IActorRef _transport = ActorRefs.Nobody;
    private Action<TransportDeliver>? _send;
    private long _offset;
    private long _delivered;

    // Delivered ids whose marker is being journaled: no longer in the buffer, not yet counted in _delivered.
    private int _deliveredFlushing;
    private long _errors;
    private bool _connected;
    private string _state = "starting";
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _lastMessageAt;
    private UniqueKillSwitch? _feed;

    public OutboxActor(OutboxDefinition definition, IActorRef exceptions, TimeProvider time)
    {
        _definition = definition;
        _exceptions = exceptions;
        _time = time;
        _queue = new OutboxQueue(definition.Policy, _random.NextDouble);
        PersistenceId = "outbox-" + definition.Name;

        Recover<SnapshotOffer>(o =>
        {
            if (o.Snapshot is OutboxJournalSnapshot s)
            {
                _items.Clear();
                _parked.Clear();
                foreach (var item in s.Items)
                {
                    _items[item.Id] = item;
                }

                foreach (var p in s.Parked)
                {
                    _parked[p.Id] = p;
                }

                _offset = s.Offset;
                _delivered = s.Delivered;
            }
        });
        Recover<OutboxEnqueued>(e =>
        {
            foreach (var item in e.Items)
            {
                _items[item.Id] = item;
            }

            _offset = Math.Max(_offset, e.Offset);
        });
        Recover<OutboxDelivered>(e => Forget(e.Ids, delivered: true));
        Recover<OutboxParked>(e => _parked[e.Id] = e);
        Recover<OutboxReleased>(e => _parked.Remove(e.Id));
        Recover<OutboxDiscarded>(e => Forget([e.Id], delivered: false));
        Recover<RecoveryCompleted>(_ => Start());

        Command<FeedInit>(_ => Sender.Tell(FeedAck.Instance));
        Command<FeedDone>(_ => { });
        Command<FeedBatch>(OnFeed);
        Command<FeedFailed>(f =>
        {
            _log.Warning("Outbox {0}: reading the journal failed ({1}); resuming from offset {2}", _definition.Name, f.Reason, _offset);
            Timers.StartSingleTimer("feed", StartFeed.Instance, TimeSpan.FromSeconds(2));
        });
        Command<StartFeed>(_ => RunFeed());
        Command<TransportConnected>(c =>
        {
            _connected = true;
            _send = c.Send;
            _state = "connected";
            _log.Info("Outbox {0}: connected to {1}{2}", _definition.Name, c.Endpoint, ThreadNote());
            Dispatch();
        });
        Command<TransportDisconnected>(d =>
        {
            if (_connected)
            {
                _log.Warning("Outbox {0}: connection to {1} lost: {2}", _definition.Name, _definition.Endpoint, d.Reason);
            }

            _connected = false;
            _send = null;
            _state = "disconnected";
            NoteError("connection: " + d.Reason);
            ParkExhausted(_queue.OnConnectionLost(_time.GetUtcNow(), "connection lost: " + d.Reason));
        });
        Command<TransportAck>(OnAck);
        Command<Tick>(_ =>
        {
            ParkExhausted(_queue.OnTimeout(_time.GetUtcNow()));
            Dispatch();
        });
        Command<FlushDelivered>(_ => FlushDeliveredIds());
        Command<GetOutboxStatus>(q => Sender.Tell(Status(q.WithMessages)));
        Command<RetryOutboxMessage>(OnRetry);
        Command<DiscardOutboxMessage>(OnDiscard);
        Command<SaveSnapshotSuccess>(s => DeleteMessages(s.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(f => _log.Warning("Outbox {0}: snapshot failed: {1}", _definition.Name, f.Cause.Message));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props GetProps(OutboxDefinition definition, IActorRef exceptions, TimeProvider time) =>
        Props.Create(() => new OutboxActor(definition, exceptions, time));

    protected override void PostStop()
    {
        _feed?.Shutdown();
        base.PostStop();
    }

    private void Start()
    {
        var now = _time.GetUtcNow();
        foreach (var item in _items.Values.OrderBy(i => i.EnqueuedAt).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            // A parked message stays parked across restarts: only an operator releases it.
            _queue.Enqueue(_parked.TryGetValue(item.Id, out var p)
                ? Entry(item) with { State = OutboxEntryState.Parked, LastError = p.Reason }
                : Entry(item) with { NextAttemptAt = now });
        }

        _transport = Context.ActorOf(_definition.TransportProps, "transport");
        Timers.StartPeriodicTimer("tick", Tick.Instance, TickInterval);
        RunFeed();
    }

    private void RunFeed()
    {
        _feed?.Shutdown();
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(_definition.QueryPluginId);
        var self = Self;
        _feed = journal.EventsByTag(_definition.Tag, Offset.Sequence(_offset))
            .ViaMaterialized(KillSwitches.Single<EventEnvelope>(), Keep.Right)
            .GroupedWithin(500, TimeSpan.FromMilliseconds(20))
            .Select(batch => new FeedBatch([.. batch]))
            .ToMaterialized(Sink.ActorRefWithAck<FeedBatch>(self, FeedInit.Instance, FeedAck.Instance, FeedDone.Instance, e => new FeedFailed(e.Message)), Keep.Left)
            .Run(Context.System.Materializer());
    }

    private void OnFeed(FeedBatch batch)
    {
        var feed = Sender;
        var items = new List<OutboxItem>();
        long last = _offset;
        foreach (var envelope in batch.Envelopes)
        {
            var offset = envelope.Offset is Sequence s ? s.Value : last;
            last = Math.Max(last, offset);
            if (_definition.Select(envelope.Event, offset, _time.GetUtcNow()) is { } item && !_items.ContainsKey(item.Id))
            {
                items.Add(item);
            }
        }

        if (items.Count == 0)
        {
            // Nothing for this interface: the offset advances in memory; it is journaled with the next items.
            _offset = last;
            feed.Tell(FeedAck.Instance);
            return;
        }

        // PersistAsync: ACKs keep being handled (and the next messages sent) while the batch is written. Persist would
        // stash them for the length of the write, a stall of the whole link for every batch the feed brings (dozens a
        // second under load). The feed sends its next batch only after this one is journaled, so batches stay in order.
        PersistAsync(new OutboxEnqueued(items, last), e =>
        {
            _offset = e.Offset;
            foreach (var item in e.Items)
            {
                _items[item.Id] = item;
                _queue.Enqueue(Entry(item));
            }

            feed.Tell(FeedAck.Instance);
            MaybeSnapshot();
            Dispatch();
        });
    }

    private void Dispatch()
    {
        if (!_connected)
        {
            return;
        }

        foreach (var entry in _queue.TakeDispatchable(_time.GetUtcNow(), _definition.MaxInFlight))
        {
            if (_items.TryGetValue(entry.Id, out var item))
            {
                var deliver = new TransportDeliver(item.MessageControlId, item.OrderKey, item.Kind, item.Payload);
                if (_send is { } send)
                {
                    send(deliver);
                }
                else
                {
                    _transport.Tell(deliver);
                }
            }
        }
    }

    private void OnAck(TransportAck ack)
    {
        var now = _time.GetUtcNow();
        _lastMessageAt = now;
        if (!Enum.TryParse<AckCode>(ack.AckCode, ignoreCase: true, out var code))
        {
            // MSA-1 outside table 0008: treat as an application error so the policy decides.
            code = AckCode.AE;
        }

        var result = _queue.OnAck(ack.MessageControlId, code, ack.Text, now);
        switch (result.Outcome)
        {
            case OutboxAckOutcome.Delivered:
                _deliveredBuffer.Add(result.Entry!.Id);
                if (_deliveredBuffer.Count == 1)
                {
                    Timers.StartSingleTimer("flush", FlushDelivered.Instance, DeliveredFlush);
                }
                else if (_deliveredBuffer.Count >= 200)
                {
                    FlushDeliveredIds();
                }

                break;
            case OutboxAckOutcome.Parked when !_parked.ContainsKey(result.Entry!.Id):
                NoteError($"{ack.AckCode} from receiver for {ack.MessageControlId}: {ack.Text}");
                Park(result.Entry.Id, $"{ack.AckCode}: {ack.Text}");
                break;
            case OutboxAckOutcome.Parked:
            case OutboxAckOutcome.RetryScheduled:
                NoteError($"{ack.AckCode} from receiver for {ack.MessageControlId}: {ack.Text}");
                break;
            default:
                // An ACK for nothing in flight: a re-ACK of an old message (node-hl7-server does this). Ignored.
                break;
        }

        Dispatch();
    }

    // Timeouts and lost connections park an entry only when its attempts ran out (retry.max-attempts).
    private void ParkExhausted(IReadOnlyList<OutboxEntry> entries)
    {
        foreach (var e in entries.Where(e => e.State == OutboxEntryState.Parked && !_parked.ContainsKey(e.Id)))
        {
            Park(e.Id, e.LastError ?? "attempts exhausted");
        }
    }

    private void Park(string id, string reason)
    {
        if (!_items.TryGetValue(id, out var item))
        {
            return;
        }

        Persist(new OutboxParked(id, reason, _time.GetUtcNow()), e =>
        {
            _parked[e.Id] = e;
            _log.Warning("Outbox {0}: parked {1} ({2}); only order {3}'s later messages wait", _definition.Name, item.Summary, reason, item.OrderKey.Split('|')[0]);
            _exceptions.Record(new RecordException(
                "outbound:" + _definition.Name,
                $"parked: {reason}",
                null,
                item.Summary,
                item.MessageControlId,
                null,
                _definition.Endpoint,
                item.Payload));
            MaybeSnapshot();
        });
    }

    private void FlushDeliveredIds()
    {
        if (_deliveredBuffer.Count == 0)
        {
            return;
        }

        var ids = _deliveredBuffer.ToList();
        _deliveredBuffer.Clear();
        _deliveredFlushing += ids.Count;
        Timers.Cancel("flush");
        // Async: losing this marker in a crash only means a resend the receiver recognises by MSH-10.
        PersistAsync(new OutboxDelivered(ids), e =>
        {
            _deliveredFlushing -= e.Ids.Count;
            Forget(e.Ids, delivered: true);
            MaybeSnapshot();
        });
    }

    private void OnRetry(RetryOutboxMessage r)
    {
        var sender = Sender;
        if (!_items.ContainsKey(r.Id))
        {
            sender.Tell(new OutboxCommandReply(r.Id, false, "unknown"));
            return;
        }

        Persist(new OutboxReleased(r.Id, _time.GetUtcNow()), e =>
        {
            _parked.Remove(e.Id);
            _queue.Retry(e.Id, _time.GetUtcNow());
            sender.Tell(new OutboxCommandReply(e.Id, true, "pending"));
            Dispatch();
        });
    }

    private void OnDiscard(DiscardOutboxMessage d)
    {
        var sender = Sender;
        if (!_items.ContainsKey(d.Id))
        {
            sender.Tell(new OutboxCommandReply(d.Id, false, "unknown"));
            return;
        }

        Persist(new OutboxDiscarded(d.Id, _time.GetUtcNow()), e =>
        {
            _queue.Discard(e.Id);
            Forget([e.Id], delivered: false);
            sender.Tell(new OutboxCommandReply(e.Id, true, "discarded"));
            Dispatch();
        });
    }

    private void Forget(IEnumerable<string> ids, bool delivered)
    {
        foreach (var id in ids)
        {
            if (_items.Remove(id) && delivered)
            {
                _delivered++;
            }

            _parked.Remove(id);
        }
    }

    private void MaybeSnapshot()
    {
        if (LastSequenceNr % SnapshotEvery == 0)
        {
            SaveSnapshot(new OutboxJournalSnapshot([.. _items.Values], [.. _parked.Values], _offset, _delivered));
        }
    }

    // Where the send-and-wait latency comes from, for whoever reads the log: on its own thread, the slice the kernel holds
    // for it (a kernel before 6.12 keeps its default and reports none).
    private string ThreadNote()
    {
        if (Context.Props.Dispatcher != OutboundSupervisor.OutboxDispatcherId)
        {
            return "";
        }

        return ThreadLatency.TryGetSlice(0, out var slice) && slice > TimeSpan.Zero
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (outbox thread's scheduler slice {slice.TotalMilliseconds:0.###} ms)")
            : " (outbox thread on the system's default scheduler slice)";
    }

    private void NoteError(string error)
    {
        _errors++;
        _lastError = error;
        _lastErrorAt = _time.GetUtcNow();
    }

    private OutboxStatus Status(bool withMessages)
    {
        var now = _time.GetUtcNow();
        var metrics = _queue.Metrics(now);
        var messages = withMessages
            ? _queue.Entries
                .OrderBy(e => e.EnqueuedAt)
                .Take(100)
                .Select(e => _items.TryGetValue(e.Id, out var item)
                    ? new OutboxMessageView(e.Id, item.OrderKey, item.MessageControlId, item.Kind, item.Summary, e.State.ToString().ToLowerInvariant(), e.Attempts, e.EnqueuedAt, e.State == OutboxEntryState.Pending ? e.NextAttemptAt : null, e.LastError)
                    : null)
                .OfType<OutboxMessageView>()
                .ToList()
            : [];
        return new OutboxStatus(
            _definition.Name,
            _definition.Kind,
            _definition.Endpoint,
            _state,
            _connected,
            metrics.Depth,
            metrics.InFlight,
            metrics.Parked,
            metrics.Depth == 0 ? null : metrics.OldestAge.TotalSeconds,
            metrics.TotalRetries,
            _delivered + _deliveredFlushing + _deliveredBuffer.Count,
            _errors,
            _lastError,
            _lastErrorAt,
            _lastMessageAt,
            messages,
            _items.Count);
    }

    private static OutboxEntry Entry(OutboxItem item) => new(item.Id, item.OrderKey, item.MessageControlId, item.Payload, item.EnqueuedAt, NextAttemptAt: item.EnqueuedAt);

    private sealed record FeedBatch(IReadOnlyList<EventEnvelope> Envelopes);

    private sealed record FeedFailed(string Reason);

    private sealed class FeedInit
    {
        public static readonly FeedInit Instance = new();
    }

    private sealed class FeedAck
    {
        public static readonly FeedAck Instance = new();
    }

    private sealed class FeedDone
    {
        public static readonly FeedDone Instance = new();
    }

    private sealed class StartFeed
    {
        public static readonly StartFeed Instance = new();
    }

    private sealed class Tick
    {
        public static readonly Tick Instance = new();
    }

    private sealed class FlushDelivered
    {
        public static readonly FlushDelivered Instance = new();
    }
}
