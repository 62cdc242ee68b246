using ActorBroker.Domain.Orders;
using Akka.Actor;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// Read model of every order on this node, rebuilt from the journal at start and kept current by
/// <see cref="OrderReadModelActor"/>'s two feeds, applying the domain's own pure Apply.
/// Listing orders or finding an accession's site never wakes an order entity.
/// </summary>
public sealed class OrderIndexActor : OrderReadModelActor
{
    public const string Name = "order-index";

    private readonly Dictionary<string, List<OrderKey>> _byAccession = new(StringComparer.OrdinalIgnoreCase);

    public OrderIndexActor(string readJournalId)
        : base(readJournalId)
    {
        Receive<ListOrders>(q =>
        {
            IEnumerable<OrderSnapshot> all = Orders.Values;
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
        Receive<FindOrdersByReference>(q => Sender.Tell(new OrderKeys(FindByReference(q))));
    }

    // A scan: reports without an accession are the exception, and the index holds one site's working set.
    private List<OrderKey> FindByReference(FindOrdersByReference q)
    {
        IEnumerable<OrderSnapshot> candidates = Orders.Values.Where(o => o.Details is not null);
        if (!string.IsNullOrEmpty(q.Site))
        {
            candidates = candidates.Where(o => string.Equals(o.Key.Site, q.Site, StringComparison.OrdinalIgnoreCase));
        }

        var list = candidates.ToList();
        foreach (var (value, field) in new (string, Func<OrderDetails, string>)[]
                 {
                     (q.PlacerOrderNumber, d => d.PlacerOrderNumber),
                     (q.FillerOrderNumber, d => d.FillerOrderNumber),
                     (q.StudyInstanceUid, d => d.StudyInstanceUid),
                 })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var found = list.Where(o => string.Equals(field(o.Details!), value, StringComparison.Ordinal)).Select(o => o.Key).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    public static Props GetProps(string readJournalId) => Props.Create(() => new OrderIndexActor(readJournalId));

    protected override void OnOrderChanged(OrderSnapshot before, OrderSnapshot after)
    {
        if (!_byAccession.TryGetValue(after.Key.Accession, out var keys))
        {
            _byAccession[after.Key.Accession] = keys = [];
        }

        if (!keys.Contains(after.Key))
        {
            keys.Add(after.Key);
        }
    }
}
