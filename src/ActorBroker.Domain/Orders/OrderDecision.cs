namespace ActorBroker.Domain.Orders;

/// <summary>The outcome of <see cref="OrderDecider.Decide"/>: exactly one of the three nested records.</summary>
public abstract record OrderDecision
{
    private OrderDecision()
    {
    }

    /// <summary>Journal these events (at least one), then apply them and ACK AA.</summary>
    public sealed record Accepted(IReadOnlyList<IOrderEvent> Events) : OrderDecision;

    /// <summary>
    /// Nothing to journal, and the message is fine: ACK AA again. Either the same message was
    /// applied before (a resend after a lost ACK), or it asks for what the order already is
    /// (a second CA for a cancelled order); Reason says which.
    /// </summary>
    public sealed record Duplicate(string Reason) : OrderDecision;

    /// <summary>Not allowed: ACK AE with this ERR, keep the message as an exception.</summary>
    public sealed record Rejected(OrderRejection Rejection) : OrderDecision;
}
