namespace ActorBroker.Domain.Outbound;

/// <summary>Where an outbox entry is: waiting to be sent (or resent), sent and awaiting its ACK, or set aside for an operator.</summary>
public enum OutboxEntryState
{
    Pending,
    InFlight,
    Parked,
}
