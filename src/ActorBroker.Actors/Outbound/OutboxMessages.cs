namespace ActorBroker.Actors.Outbound;

/// <summary>Ask an outbox for its live state (abctl interface list / show).</summary>
public sealed record GetOutboxStatus(bool WithMessages);

/// <summary>The live state of one outbound interface and its outbox.</summary>
public sealed record OutboxStatus(
    string Name,
    string Kind,
    string Endpoint,
    string State,
    bool Connected,
    int QueueDepth,
    int InFlight,
    int Parked,
    double? OldestMessageAgeSeconds,
    long Retries,
    long Delivered,
    long Errors,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastMessageAt,
    IReadOnlyList<OutboxMessageView> Messages,
    int TotalMessages);

/// <summary>One message waiting in an outbox (pending, in flight or parked).</summary>
public sealed record OutboxMessageView(
    string Id,
    string Order,
    string MessageControlId,
    string Kind,
    string Summary,
    string State,
    int Attempts,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError);

/// <summary>Operator: send a parked (or waiting) message again now.</summary>
public sealed record RetryOutboxMessage(string Id);

/// <summary>Operator: drop a parked message for good (it stays in the journal and the exception store).</summary>
public sealed record DiscardOutboxMessage(string Id);

/// <summary>Reply to <see cref="RetryOutboxMessage"/> / <see cref="DiscardOutboxMessage"/>; Found false for an unknown id.</summary>
public sealed record OutboxCommandReply(string Id, bool Found, string State);

/// <summary>Ask the outbound supervisor for every outbox's state.</summary>
public sealed record GetOutboxStatuses(bool WithMessages = false);

public sealed record OutboxStatuses(IReadOnlyList<OutboxStatus> Outboxes);

/// <summary>Sent through the outbound supervisor to the outbox called Name.</summary>
public sealed record ToOutbox(string Name, object Message);
