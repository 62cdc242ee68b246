namespace ActorBroker.Domain.Outbound;

/// <summary>What an ACK did to the outbox.</summary>
public enum OutboxAckOutcome
{
    /// <summary>AA/CA: the entry is gone; the next message of its order may go.</summary>
    Delivered,

    /// <summary>A negative ACK under a Retry policy: pending again, after a backoff.</summary>
    RetryScheduled,

    /// <summary>A negative ACK under a Park policy, or attempts exhausted: its order waits for an operator.</summary>
    Parked,

    /// <summary>No entry has this control id (a re-ACK of a delivered message, or a stranger's): counted, nothing else.</summary>
    Ignored,
}
