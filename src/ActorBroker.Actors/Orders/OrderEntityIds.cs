using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Orders;

/// <summary>Entity ids are "SITE|ACCESSION"; persistence ids add a stable "order-" prefix.</summary>
public static class OrderEntityIds
{
    public const string PersistencePrefix = "order-";

    public static string PersistenceIdFor(string entityId) => PersistencePrefix + entityId;

    public static OrderKey Parse(string entityId)
    {
        var bar = entityId.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == entityId.Length - 1)
        {
            throw new ArgumentException($"Order entity id '{entityId}' is not SITE|ACCESSION", nameof(entityId));
        }

        return new OrderKey(entityId[..bar], entityId[(bar + 1)..]);
    }
}
