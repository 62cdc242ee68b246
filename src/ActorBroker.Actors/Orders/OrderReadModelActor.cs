using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// Base of every read model fed by order events (the order index, the worklist). Two feeds: the journal by tag
/// "order" (first the current events, which is the rebuild at start, then the live stream from the last offset)
/// and this node's event stream (<see cref="OrderEventJournaled"/>, published by an entity right after a write, so
/// a read model is current without waiting for the journal poll). Each order's events are applied strictly in
/// sequence with the domain's own pure Apply, and a derived read model sees each change as (before, after).
/// </summary>
public abstract class OrderReadModelActor : ReceiveActor
{
    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly string _readJournalId;
    private long _offset;

    protected OrderReadModelActor(string readJournalId)
    {
        _readJournalId = readJournalId;
        Receive<IndexedEventWithOffset>(e =>
        {
            _offset = Math.Max(_offset, e.Offset);
            Apply(e.Event);
        });
        Receive<OrderEventJournaled>(e => Apply(new IndexedEvent(e.PersistenceId, e.SequenceNr, e.Event)));
        Receive<CatchUpCompleted>(_ =>
        {
            CaughtUp = true;
            OnCaughtUp();
            StartStream();
        });
        Receive<IndexStreamEnded>(e =>
        {
            Log.Warning("{0}: order event stream ended ({1}); restarting from offset {2}", Self.Path.Name, e.Cause?.Message ?? "completed", _offset);
            StartStream();
        });
    }

    /// <summary>Every order seen, by entity id, as of the last applied event.</summary>
    protected IReadOnlyDictionary<string, OrderSnapshot> Orders => _orders;

    /// <summary>True once the journal's events up to start-up have been applied (the rebuild is done).</summary>
    protected bool CaughtUp { get; private set; }

    protected ILoggingAdapter Log { get; } = Context.GetLogger();

    /// <summary>One order changed: <paramref name="before"/> is <see cref="OrderSnapshot.Empty"/> for a new order.</summary>
    protected abstract void OnOrderChanged(OrderSnapshot before, OrderSnapshot after);

    /// <summary>The rebuild from the journal is complete (called once per incarnation).</summary>
    protected virtual void OnCaughtUp()
    {
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderEventJournaled));
        StartStream();
    }

    private void StartStream()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(_readJournalId);
        var self = Self;
        var from = _offset == 0 ? Offset.NoOffset() : Offset.Sequence(_offset);
        // Until caught up, the current events only: their end is the moment the rebuild is complete.
        var source = CaughtUp ? journal.EventsByTag(OrderEntity.TagAll, from) : journal.CurrentEventsByTag(OrderEntity.TagAll, from);
        var completed = CaughtUp ? (object)new IndexStreamEnded(null) : CatchUpCompleted.Instance;
        source
            .Select(env =>
            {
                var offset = env.Offset is Sequence s ? s.Value : 0;
                return (object)new IndexedEventWithOffset(new IndexedEvent(env.PersistenceId, env.SequenceNr, (IOrderEvent)env.Event), offset);
            })
            .RunWith(Sink.ActorRef<object>(self, completed, ex => new IndexStreamEnded(ex)), Context.Materializer());
    }

    private void Apply(IndexedEvent e)
    {
        var entityId = e.Event.Key.EntityId;
        // Two feeds (local publish, journal by tag) deliver the same events: apply each order's
        // events strictly in sequence. A repeat is dropped; an event past a gap is dropped too,
        // because the journal stream delivers every event in order and will fill the gap.
        var seen = _lastSeq.GetValueOrDefault(entityId);
        if (e.SequenceNr != seen + 1)
        {
            return;
        }

        _lastSeq[entityId] = e.SequenceNr;
        var before = _orders.TryGetValue(entityId, out var s) ? s : OrderSnapshot.Empty(e.Event.Key);
        var after = OrderDecider.Apply(before, e.Event);
        _orders[entityId] = after;
        OnOrderChanged(before, after);
    }

    private sealed record IndexedEventWithOffset(IndexedEvent Event, long Offset);

    private sealed class CatchUpCompleted
    {
        public static readonly CatchUpCompleted Instance = new();
    }
}
