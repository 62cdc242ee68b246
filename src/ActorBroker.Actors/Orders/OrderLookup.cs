using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// The order list and the lookups by accession and by order reference, answered from the read model's snapshots
/// (never by waking an order entity). Not thread-safe: owned by <see cref="OrderReadModelActor"/>.
/// </summary>
public sealed class OrderLookup(IReadOnlyDictionary<string, OrderSnapshot> orders) : IOrderProjection
{
    private readonly Dictionary<string, List<OrderKey>> _byAccession = new(StringComparer.OrdinalIgnoreCase);

    public void OnOrderChanged(OrderSnapshot before, OrderSnapshot after)
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

    public void OnCaughtUp(int ordersSeen)
    {
    }

    public OrderList List(ListOrders q)
    {
        IEnumerable<OrderSnapshot> all = orders.Values;
        if (!string.IsNullOrEmpty(q.Site))
        {
            all = all.Where(o => string.Equals(o.Key.Site, q.Site, StringComparison.OrdinalIgnoreCase));
        }

        if (q.State is { } state)
        {
            all = all.Where(o => o.State == state);
        }

        var matching = all.OrderBy(o => o.Key.Site, StringComparer.Ordinal).ThenBy(o => o.Key.Accession, StringComparer.Ordinal).ToList();
        return new OrderList(matching.Take(Math.Max(1, q.Limit)).ToList(), matching.Count);
    }

    public OrderKeys Find(FindOrderKeys q) =>
        new(_byAccession.TryGetValue(q.Accession, out var list)
            ? list.Where(k => q.Site is null || string.Equals(k.Site, q.Site, StringComparison.OrdinalIgnoreCase)).ToList()
            : []);

    // A scan: reports without an accession are the exception, and the read model holds one site's working set.
    public OrderKeys Find(FindOrdersByReference q)
    {
        IEnumerable<OrderSnapshot> candidates = orders.Values.Where(o => o.Details is not null);
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
                return new OrderKeys(found);
            }
        }

        return new OrderKeys([]);
    }
}
