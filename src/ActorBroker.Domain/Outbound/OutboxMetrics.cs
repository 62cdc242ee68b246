namespace ActorBroker.Domain.Outbound;

/// <summary>
/// The state an interface shows (the connection state is the sender's to add): Depth every
/// message not yet delivered (Pending + InFlight + Parked); Waiting the pending messages held
/// behind a parked message of their own order; Orders how many orders have messages queued;
/// OldestAge how long the oldest queued message has waited; the counters since the outbox began.
/// </summary>
public sealed record OutboxMetrics(
    int Depth,
    int Pending,
    int InFlight,
    int Parked,
    int Waiting,
    int Orders,
    TimeSpan OldestAge,
    long Delivered,
    long TotalRetries,
    long IgnoredAcks,
    long Discarded,
    string? LastError,
    DateTimeOffset? LastErrorAt);
