using System.Diagnostics;
using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Domain.Worklist;
using Akka.Event;

namespace ActorBroker.Actors.Worklist;

/// <summary>
/// The Modality Worklist projection of the orders: the only writer of the shared <see cref="WorklistIndex"/>. Each
/// change of an order re-projects it with the site's rules (<see cref="WorklistProjection.ItemsFor"/>, which applies
/// the site's worklist states) and replaces its items. A C-FIND never wakes an order entity and never waits on a
/// mailbox: the DICOM provider queries the index directly.
/// </summary>
public sealed class WorklistProjector : IOrderProjection
{
    private readonly SiteDirectory _sites;
    private readonly WorklistIndex _index;
    private readonly ILoggingAdapter _log;
    private readonly Stopwatch _rebuild = Stopwatch.StartNew();
    private TimeSpan? _rebuildTime;

    public WorklistProjector(SiteDirectory sites, WorklistIndex index, ILoggingAdapter log)
    {
        _sites = sites;
        _index = index;
        _log = log;
        // A new incarnation rebuilds from the journal: start from an empty index, not a half-stale one.
        _index.Clear();
    }

    public WorklistIndex Index => _index;

    public void OnOrderChanged(OrderSnapshot before, OrderSnapshot after)
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

    public void OnCaughtUp(int ordersSeen)
    {
        _index.MarkComplete();
        _rebuildTime = _rebuild.Elapsed;
        _log.Info("Worklist rebuilt from the journal: {0} items of {1} orders ({2} orders seen) in {3} ms",
            _index.Count, _index.OrderCount, ordersSeen, (long)_rebuildTime.Value.TotalMilliseconds);
    }

    public WorklistStatus Status(int ordersSeen) =>
        new(_index.IsComplete, _index.Count, _index.OrderCount, ordersSeen, _rebuildTime);
}
