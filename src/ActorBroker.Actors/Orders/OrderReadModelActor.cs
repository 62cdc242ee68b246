using System.Threading.Channels;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Worklist;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// This node's one reader of order events, feeding every view of the orders: the order lookup (list, by accession,
/// by reference) and the worklist index. Each event is read, deserialized and applied once, whatever the number of
/// views. Three feeds:
/// <list type="bullet">
/// <item>the rebuild at start: the journal's "order" rows up to its highest ordering, read page by page with
/// <see cref="JournalTagReader"/> while the previous page is deserialized in parallel (the plugin's events-by-tag
/// does both in turn on one thread); if that fails, the plugin's current events by tag;</item>
/// <item>this node's event stream (<see cref="OrderEventJournaled"/>, published by an entity right after a write),
/// so the views are current without waiting for the journal poll; what is published during the rebuild is held and
/// applied after it;</item>
/// <item>the plugin's live events by tag from the rebuild's end, for other nodes' events: only once another cluster
/// member is up, unless <c>pollAlways</c>. On a node alone every order event is written here and published, so the
/// rebuild (everything committed before it started) and the publish (everything after the subscription, which comes
/// first) leave nothing out; the poll re-read and deserialized every order event a second time, ~10% of the intake's
/// throughput (perf/README.md, session 6). When a member comes up after a long time alone, the stream starts from the
/// rebuild's end: a one-off catch-up through everything written since this node started, in the background (the views
/// keep serving; the sequence check drops what was already applied).</item>
/// </list>
/// Each order's events are applied strictly in sequence with the domain's own pure Apply, and each projection sees
/// the change as (before, after).
/// </summary>
public sealed class OrderReadModelActor : ReceiveActor, IDisposable
{
    public const string Name = "order-read-model";

    // Batches read ahead of the ones applied: bounds the memory of a rebuild that reads faster than it applies.
    private const int ReadAhead = 4;

    // The live stream starts this many orderings before the rebuild's end. On PostgreSQL a writer can commit a row
    // after a higher ordering was visible; the plugin's live stream waits for such gaps, the rebuild's reader does
    // not. The overlap re-reads the rebuild's last rows; the sequence check drops what was already applied.
    private const long LiveOverlap = 1_000;

    private readonly Dictionary<string, OrderSnapshot> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly string _readJournalId;
    private readonly JournalTagReader? _reader;
    private readonly IOrderProjection[] _projections;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<bool> _window = Channel.CreateUnbounded<bool>();
    private readonly List<IndexedEvent> _publishedDuringRebuild = [];
    private long _offset;
    private bool _caughtUp;
    private bool _polling;
    private bool _followsCluster;

    public OrderReadModelActor(string readJournalId, SiteDirectory sites, WorklistIndex worklist, JournalTagReader? reader, bool pollAlways = true)
    {
        _readJournalId = readJournalId;
        _reader = reader;
        _polling = pollAlways;
        var lookup = new OrderLookup(_orders);
        var projector = new WorklistProjector(sites, worklist, _log);
        _projections = [lookup, projector];

        Receive<RebuildBatch>(b =>
        {
            foreach (var e in b.Events)
            {
                Apply(e);
            }

            _offset = Math.Max(_offset, b.Offset);
            _window.Writer.TryWrite(true);
        });
        Receive<RebuildDone>(d =>
        {
            _offset = Math.Max(0, Math.Max(_offset, d.UpTo) - LiveOverlap);
            CaughtUp();
        });
        Receive<RebuildFailed>(f =>
        {
            _log.Warning("{0}: reading the journal directly failed ({1}); rebuilding through the read journal from offset {2}", Self.Path.Name, f.Cause.Message, _offset);
            StartStream();
        });
        Receive<IndexedEventWithOffset>(e =>
        {
            _offset = Math.Max(_offset, e.Offset);
            Apply(e.Event);
        });
        Receive<OrderEventJournaled>(e =>
        {
            var indexed = new IndexedEvent(e.PersistenceId, e.SequenceNr, e.Event);
            if (_caughtUp)
            {
                Apply(indexed);
            }
            else
            {
                // The rebuild may not have reached this order's earlier events yet: applied now it would be a gap, dropped.
                _publishedDuringRebuild.Add(indexed);
            }
        });
        Receive<ClusterEvent.MemberUp>(m =>
        {
            if (!_polling && m.Member.Address != Cluster.Get(Context.System).SelfAddress)
            {
                _log.Info("{0}: another node is up ({1}); following the journal for its order events", Self.Path.Name, m.Member.Address);
                _polling = true;
                if (_caughtUp)
                {
                    StartStream();
                }
            }
        });
        Receive<CatchUpCompleted>(_ => CaughtUp());
        Receive<IndexStreamEnded>(e =>
        {
            _log.Warning("{0}: order event stream ended ({1}); restarting from offset {2}", Self.Path.Name, e.Cause?.Message ?? "completed", _offset);
            StartStream();
        });

        Receive<ListOrders>(q => Sender.Tell(lookup.List(q)));
        Receive<FindOrderKeys>(q => Sender.Tell(lookup.Find(q)));
        Receive<FindOrdersByReference>(q => Sender.Tell(lookup.Find(q)));
        Receive<QueryWorklist>(q => Sender.Tell(new WorklistQueryResult(projector.Index.Query(q.Query, q.Site))));
        Receive<GetWorklistStatus>(_ => Sender.Tell(projector.Status(_orders.Count)));
    }

    /// <param name="pollAlways">Follow the journal's live events by tag from the start (tests, or events that reach the
    /// journal without this node's publish); false: only once another cluster member is up.</param>
    public static Props GetProps(string readJournalId, SiteDirectory sites, WorklistIndex worklist, JournalTagReader? reader, bool pollAlways = true) =>
        Props.Create(() => new OrderReadModelActor(readJournalId, sites, worklist, reader, pollAlways));

    protected override void PreStart()
    {
        // Subscribed before the rebuild reads the journal's end: nothing written after that end goes unpublished to us.
        Context.System.EventStream.Subscribe(Self, typeof(OrderEventJournaled));
        // Outside a cluster (tests) no other node can come up: the node stays alone.
        if (!_polling && ((ExtendedActorSystem)Context.System).Provider is ClusterActorRefProvider)
        {
            _followsCluster = true;
            Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        }

        if (_reader is null)
        {
            StartStream();
            return;
        }

        var self = Self;
        var serialization = Context.System.Serialization;
        var reader = _reader;
        var window = _window.Reader;
        for (var i = 0; i < ReadAhead; i++)
        {
            _window.Writer.TryWrite(true);
        }

        var ct = _stop.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(self, reader, serialization, window, ct);
            }
            catch (Exception ex)
            {
                // Once the actor stopped (cancelled, or its token source disposed) nobody is waiting for the rebuild.
                if (!ct.IsCancellationRequested)
                {
                    self.Tell(new RebuildFailed(ex));
                }
            }
        }, ct);
    }

    protected override void PostStop()
    {
        // Stops a rebuild still reading; Akka disposes the actor (and the token source) after this.
        _stop.Cancel();
        if (_followsCluster)
        {
            Cluster.Get(Context.System).Unsubscribe(Self);
        }

        base.PostStop();
    }

    /// <summary>Called by Akka when it clears a stopped or restarted actor instance.</summary>
    public void Dispose() => _stop.Dispose();

    // The reader reads page n+1 while page n is deserialized on every core, then hands the batch to the actor.
    private static async Task RebuildAsync(IActorRef self, JournalTagReader reader, Akka.Serialization.Serialization serialization, ChannelReader<bool> window, CancellationToken ct)
    {
        var upTo = await reader.MaxOrderingAsync(ct);
        var empty = Task.FromResult<IReadOnlyList<JournalTagRow>>([]);
        Task<IReadOnlyList<JournalTagRow>> ReadAfter(long after) => Task.Run(() => reader.PageAsync(OrderEntity.TagAll, after, upTo, ct), ct);
        var next = upTo > 0 ? ReadAfter(0) : empty;
        while (true)
        {
            var rows = await next;
            if (rows.Count == 0)
            {
                break;
            }

            var last = rows[^1].Ordering;
            next = rows.Count < reader.PageSize ? empty : ReadAfter(last);
            var events = new IndexedEvent[rows.Count];
            Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var r = rows[i];
                var payload = r.SerializerId is { } id
                    ? serialization.Deserialize(r.Message, id, r.Manifest)
                    : throw new InvalidOperationException($"journal row {r.Ordering} has no serializer id");
                events[i] = new IndexedEvent(r.PersistenceId, r.SequenceNr, (IOrderEvent)payload);
            });
            await window.ReadAsync(ct);
            self.Tell(new RebuildBatch(events, last));
        }

        self.Tell(new RebuildDone(upTo));
    }

    private void CaughtUp()
    {
        _caughtUp = true;
        // In the order they were published; what the rebuild already applied is dropped by the sequence check.
        foreach (var e in _publishedDuringRebuild)
        {
            Apply(e);
        }

        _publishedDuringRebuild.Clear();
        foreach (var p in _projections)
        {
            p.OnCaughtUp(_orders.Count);
        }

        if (_polling)
        {
            StartStream();
        }
    }

    private void StartStream()
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(_readJournalId);
        var self = Self;
        var from = _offset == 0 ? Offset.NoOffset() : Offset.Sequence(_offset);
        // Until caught up, the current events only: their end is the moment the rebuild is complete.
        var source = _caughtUp ? journal.EventsByTag(OrderEntity.TagAll, from) : journal.CurrentEventsByTag(OrderEntity.TagAll, from);
        var completed = _caughtUp ? (object)new IndexStreamEnded(null) : CatchUpCompleted.Instance;
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
        // Several feeds deliver the same events: apply each order's events strictly in sequence. A
        // repeat is dropped; an event past a gap is dropped too: while the journal is followed its stream
        // delivers every event in order and fills the gap, and on a node alone there is none (the rebuild
        // covers what was committed before it, the publish, held until the rebuild is done, what came after).
        var seen = _lastSeq.GetValueOrDefault(entityId);
        if (e.SequenceNr != seen + 1)
        {
            return;
        }

        _lastSeq[entityId] = e.SequenceNr;
        var before = _orders.TryGetValue(entityId, out var s) ? s : OrderSnapshot.Empty(e.Event.Key);
        var after = OrderDecider.Apply(before, e.Event);
        _orders[entityId] = after;
        foreach (var p in _projections)
        {
            p.OnOrderChanged(before, after);
        }
    }

    private sealed record IndexedEventWithOffset(IndexedEvent Event, long Offset);

    private sealed record RebuildBatch(IndexedEvent[] Events, long Offset);

    private sealed record RebuildDone(long UpTo);

    private sealed record RebuildFailed(Exception Cause);

    private sealed class CatchUpCompleted
    {
        public static readonly CatchUpCompleted Instance = new();
    }
}
