using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// Read model of every order on this node, rebuilt from the journal at start (events by tag
/// "order") and kept current by the same live stream, applying the domain's own pure Apply.
/// Listing orders or finding an accession's site never wakes an order entity.
/// </summary>
public sealed class OrderIndexActor : ReceiveActor
{
    public const string Name = "order-index";

    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrderKey>> _byAccession = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly string _readJournalId;
    private long _offset;

    public OrderIndexActor(string readJournalId)
    {
        _readJournalId = readJournalId;
        Receive<IndexedEventWithOffset>(e =>
        {
            _offset = Math.Max(_offset, e.Offset);
            Apply(e.Event);
        });
        Receive<OrderEventJournaled>(e => Apply(new IndexedEvent(e.PersistenceId, e.SequenceNr, e.Event)));
        Receive<IndexStreamEnded>(e =>
        {
            _log.Warning("Order index stream ended ({0}); restarting from offset {1}", e.Cause?.Message ?? "completed", _offset);
            StartStream();
        });
        Receive<ListOrders>(q =>
        {
            IEnumerable<OrderSnapshot> all = _orders.Values;
            if (!string.IsNullOrEmpty(q.Site))
            {
                all = all.Where(o => string.Equals(o.Key.Site, q.Site, StringComparison.OrdinalIgnoreCase));
            }

            if (q.State is { } state)
            {
                all = all.Where(o => o.State == state);
            }

            var matching = all.OrderBy(o => o.Key.Site, StringComparer.Ordinal).ThenBy(o => o.Key.Accession, StringComparer.Ordinal).ToList();
            Sender.Tell(new OrderList(matching.Take(Math.Max(1, q.Limit)).ToList(), matching.Count));
        });
        Receive<FindOrderKeys>(q =>
        {
            var keys = _byAccession.TryGetValue(q.Accession, out var list)
                ? list.Where(k => q.Site is null || string.Equals(k.Site, q.Site, StringComparison.OrdinalIgnoreCase)).ToList()
                : [];
            Sender.Tell(new OrderKeys(keys));
        });
    }

    public static Props GetProps(string readJournalId) => Props.Create(() => new OrderIndexActor(readJournalId));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderEventJournaled));
        StartStream();
    }

    private void StartStream()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(_readJournalId);
        var self = Self;
        journal.EventsByTag(OrderEntity.TagAll, _offset == 0 ? Offset.NoOffset() : Offset.Sequence(_offset))
            .Select(env =>
            {
                var offset = env.Offset is Sequence s ? s.Value : 0;
                return (object)new IndexedEventWithOffset(new IndexedEvent(env.PersistenceId, env.SequenceNr, (IOrderEvent)env.Event), offset);
            })
            .RunWith(Sink.ActorRef<object>(self, new IndexStreamEnded(null), ex => new IndexStreamEnded(ex)), Context.Materializer());
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
        _orders[entityId] = OrderDecider.Apply(before, e.Event);
        if (!_byAccession.TryGetValue(e.Event.Key.Accession, out var keys))
        {
            _byAccession[e.Event.Key.Accession] = keys = [];
        }

        if (!keys.Contains(e.Event.Key))
        {
            keys.Add(e.Event.Key);
        }
    }

    private sealed record IndexedEventWithOffset(IndexedEvent Event, long Offset);
}
