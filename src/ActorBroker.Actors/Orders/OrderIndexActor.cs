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
