using ActorBroker.Actors;
using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using Akka.Actor;
using Akka.Hosting;

namespace ActorBroker.Host.Launch;

/// <summary>
/// Asks the order entity (site, accession) for its Study Instance UID (from ZDS-1/IPC-3 or the site's study-uid-policy),
/// as /api/orders/{accession} does. The accession goes through the site's accession rules first, because the entity is
/// keyed by the normalised value. An unknown site, an accession the rules refuse, an order that does not exist or an
/// answer that takes longer than <see cref="Timeout"/> give null: the viewer then gets an empty uid and the accession.
/// Only signed links reach this, so a lookup cannot be used to wake arbitrary entities.
/// </summary>
internal sealed class OrderStudyUidLookup(IServiceProvider services, SiteDirectory sites, ILogger logger) : IStudyUidLookup
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<string?> FindStudyUidAsync(string site, string accession, CancellationToken cancellationToken)
    {
        var rules = sites.Get(site);
        if (rules is null)
        {
            logger.LogWarning("Launch: site {Site} is not configured; no study UID lookup", site);
            return null;
        }

        if (!rules.Accession.TryNormalise(accession, out var normalised, out _))
        {
            // The error text quotes the accession: not at Information or above.
            logger.LogWarning("Launch: the link's accession does not pass site {Site}'s accession rules; no study UID lookup", rules.SiteId);
            return null;
        }

        try
        {
            var region = await services.GetRequiredService<IRequiredActor<OrderRegionKey>>().GetAsync(cancellationToken);
            var reply = await region.Ask<OrderStateReply>(new GetOrderState(new OrderKey(rules.SiteId, normalised)), Timeout, cancellationToken);
            var uid = reply.Exists ? reply.Snapshot.Details?.StudyInstanceUid : null;
            return string.IsNullOrEmpty(uid) ? null : uid;
        }
        catch (Exception e) when (e is AskTimeoutException or TimeoutException)
        {
            logger.LogWarning("Launch: the order entity did not answer within {Timeout}; redirecting without a study UID", Timeout);
            return null;
        }
    }
}
