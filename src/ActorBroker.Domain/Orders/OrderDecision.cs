namespace ActorBroker.Domain.Orders;

/// <summary>The outcome of <see cref="OrderDecider.Decide"/>: exactly one of the three nested records.</summary>
public abstract record OrderDecision
{
    private OrderDecision()
    {
    }

    /// <summary>
    /// Journal these events (at least one), then apply them and ACK AA. When <see cref="Warning"/>
    /// is set the events must still be journaled (nothing the modality or the reporting system did
    /// may be lost), and the warning raised as an exception as well: "journal and raise". That is
    /// the outcome for an MPPS or a report that came before its order (kept until the NW arrives,
    /// code 204), and for an MPPS of a cancelled or discontinued order (recorded without changing
    /// the order, code 206: the exam happened on an order the EHR had closed). When the NW that
    /// places an order records kept steps and reports, whatever of them the new order refuses is
    /// the NW's warning (several reasons joined with "; ", the first one's code).
    /// </summary>
    public sealed record Accepted(IReadOnlyList<IOrderEvent> Events) : OrderDecision
    {
        /// <summary>Something to raise as an exception although the events are journaled; null when all is well.</summary>
        public OrderRejection? Warning { get; init; }
    }

    /// <summary>
    /// Nothing to journal, and the message is fine: ACK AA again. Either the same message was
    /// applied before (a resend after a lost ACK), or it asks for what the order already is
    /// (a second CA for a cancelled order); Reason says which.
    /// </summary>
    public sealed record Duplicate(string Reason) : OrderDecision;

    /// <summary>Not allowed: ACK AE with this ERR, keep the message as an exception.</summary>
    public sealed record Rejected(OrderRejection Rejection) : OrderDecision;
}
