namespace ActorBroker.Domain.Outbound;

/// <summary>What a negative ACK does to the message: send it again after a backoff, or park it for an operator.</summary>
public enum OutboxErrorAction
{
    Retry,
    Park,
}
