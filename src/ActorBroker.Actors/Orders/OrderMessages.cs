using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Orders;

/// <summary>Anything sent to an order entity through the shard region, addressed by entity id.</summary>
public sealed record OrderEnvelope(string EntityId, object Payload);

public enum OrderOutcome
{
    /// <summary>The command's events are in the journal.</summary>
    Accepted,

    /// <summary>The same message was applied before; nothing new was journaled.</summary>
    Duplicate,

    /// <summary>The transition is not allowed; nothing was journaled.</summary>
    Rejected,

    /// <summary>The journal failed; the sender should retry.</summary>
    Failed,
}

/// <summary>
/// Reply to an <see cref="IOrderCommand"/>, sent only after the journal answered. Rejection is set for a
/// rejected command, and also for an accepted one that must be raised as well (journal and raise: an MPPS or a
/// report before its order, an MPPS of a cancelled order).
/// </summary>
public sealed record OrderCommandResult(OrderKey Key, OrderOutcome Outcome, OrderState State, OrderRejection? Rejection, string? FailureReason);

/// <summary>Ask an order entity for its current state (used by the management API).</summary>
public sealed record GetOrderState(OrderKey Key);

/// <param name="SequenceNr">The last event the snapshot includes: a history read up to it matches the snapshot, even
/// while the order keeps changing (the inbound log applies after the ACK).</param>
public sealed record OrderStateReply(OrderSnapshot Snapshot, bool Exists, long SequenceNr);
