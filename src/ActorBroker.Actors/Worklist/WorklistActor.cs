using System.Diagnostics;
using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Worklist;

/// <summary>
/// This node's Modality Worklist read model: the only writer of the shared <see cref="WorklistIndex"/>. Fed like
/// the order index (journal by tag, then live, plus the local publish after each write); each change of an order
/// re-projects it with the site's rules (<see cref="WorklistProjection.ItemsFor"/>, which applies the site's
/// worklist states) and replaces its items. A C-FIND never wakes an order entity, and never waits on this
/// mailbox: the DICOM provider queries the index directly.
/// </summary>
public sealed class WorklistActor : OrderReadModelActor
{
    public const string Name = "worklist";

    private readonly SiteDirectory _sites;
    private readonly WorklistIndex _index;
    private readonly Stopwatch _rebuild = new();
    private TimeSpan? _rebuildTime;

    public WorklistActor(string readJournalId, SiteDirectory sites, WorklistIndex index)
        : base(readJournalId)
    {
        _sites = sites;
        _index = index;
        Receive<QueryWorklist>(q => Sender.Tell(new WorklistQueryResult(_index.Query(q.Query, q.Site))));
        Receive<GetWorklistStatus>(_ => Sender.Tell(new WorklistStatus(CaughtUp, _index.Count, _index.OrderCount, Orders.Count, _rebuildTime)));
    }

    public static Props GetProps(string readJournalId, SiteDirectory sites, WorklistIndex index) =>
        Props.Create(() => new WorklistActor(readJournalId, sites, index));

    protected override void PreStart()
    {
        // A restarted incarnation rebuilds from the journal: start from an empty index, not a half-stale one.
        _index.Clear();
        _rebuild.Start();
        base.PreStart();
    }

    protected override void OnOrderChanged(OrderSnapshot before, OrderSnapshot after)
    {
        var site = _sites.Get(after.Key.Site);
        if (site is null)
        {
            // An order of a site no longer configured: it has no worklist.
            _index.Remove(after.Key);
            return;
        }

        _index.Upsert(after.Key, WorklistProjection.ItemsFor(after, site));
    }

    protected override void OnCaughtUp()
    {
        _rebuildTime = _rebuild.Elapsed;
        Log.Info("Worklist rebuilt from the journal: {0} items of {1} orders ({2} orders seen) in {3} ms",
            _index.Count, _index.OrderCount, Orders.Count, (long)_rebuildTime.Value.TotalMilliseconds);
    }
}
