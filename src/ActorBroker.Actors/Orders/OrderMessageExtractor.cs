using ActorBroker.Domain.Orders;
using Akka.Cluster.Sharding;

namespace ActorBroker.Actors.Orders;

/// <summary>Routes order commands and queries to their entity by "SITE|ACCESSION".</summary>
public sealed class OrderMessageExtractor : HashCodeMessageExtractor
{
    public OrderMessageExtractor(int maxNumberOfShards) : base(maxNumberOfShards)
    {
    }

    public override string? EntityId(object message) => message switch
    {
        OrderEnvelope e => e.EntityId,
        IOrderCommand c => c.Key.EntityId,
        GetOrderState g => g.Key.EntityId,
        _ => null,
    };

    public override object EntityMessage(object message) => message switch
    {
        OrderEnvelope e => e.Payload,
        _ => message,
    };
}
