namespace ActorBroker.Domain.Outbound;

/// <summary>
/// One message in a destination's outbox. Id identifies it for idempotent enqueueing (the
/// journal event it came from); OrderKey groups the messages that must reach the destination in
/// order (one order's status changes and results); MessageControlId is its MSH-10, the same on
/// every resend, which is what the destination's ACK names in MSA-2. Attempts counts sends;
/// NextAttemptAt is when a pending entry may go (the backoff); SentAt is when an in-flight entry
/// went; LastError is the latest negative ACK, timeout or connection loss, for the operator.
/// </summary>
public sealed record OutboxEntry(
    string Id,
    string OrderKey,
    string MessageControlId,
    byte[] Payload,
    DateTimeOffset EnqueuedAt,
    int Attempts = 0,
    DateTimeOffset NextAttemptAt = default,
    string? LastError = null,
    OutboxEntryState State = OutboxEntryState.Pending,
    DateTimeOffset? SentAt = null)
{
    // Records compare arrays by reference; an entry rebuilt from a snapshot must equal the live one.
    public bool Equals(OutboxEntry? other) =>
        other is not null
        && Id == other.Id
        && OrderKey == other.OrderKey
        && MessageControlId == other.MessageControlId
        && EnqueuedAt == other.EnqueuedAt
        && Attempts == other.Attempts
        && NextAttemptAt == other.NextAttemptAt
        && LastError == other.LastError
        && State == other.State
        && SentAt == other.SentAt
        && Payload.AsSpan().SequenceEqual(other.Payload);

    public override int GetHashCode() => HashCode.Combine(Id, OrderKey, MessageControlId, EnqueuedAt, Attempts, NextAttemptAt, State, Payload.Length);
}
