namespace ActorBroker.Domain.Outbound;

/// <summary>The outbox's running totals (kept across snapshots): what the interface shows besides the queue itself.</summary>
public sealed record OutboxCounters(
    long Delivered,
    long TotalRetries,
    long IgnoredAcks,
    long Discarded,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    public static OutboxCounters Zero { get; } = new(0, 0, 0, 0, null, null);
}
