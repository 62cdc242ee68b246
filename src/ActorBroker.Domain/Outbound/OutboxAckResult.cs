namespace ActorBroker.Domain.Outbound;

/// <summary>The outcome of an ACK and the entry it concerned, as it is now (as it was when delivered; null when ignored).</summary>
public sealed record OutboxAckResult(OutboxAckOutcome Outcome, OutboxEntry? Entry);
