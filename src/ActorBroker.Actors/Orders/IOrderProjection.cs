using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// One view the node keeps of the orders (the lookup by accession, the worklist), fed by the single
/// <see cref="OrderReadModelActor"/>: called on that actor's thread only, each order's changes in sequence.
/// </summary>
public interface IOrderProjection
{
    /// <summary>One order changed: <paramref name="before"/> is <see cref="OrderSnapshot.Empty"/> for a new order.</summary>
    void OnOrderChanged(OrderSnapshot before, OrderSnapshot after);

    /// <summary>The journal's events up to start-up are applied: the rebuild is complete (once per incarnation).</summary>
    void OnCaughtUp(int ordersSeen);
}
