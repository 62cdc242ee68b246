using System.Text.Json.Serialization;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// An order's current state, derived only from its events (and stored as the entity's snapshot).
/// Version counts applied events. ProcessedMessageIds keeps the idempotency keys
/// (<see cref="MessageRef.IdempotencyKey"/>) of the last <see cref="MaxProcessedMessageIds"/>
/// messages that changed the order, oldest first, so a resend of any of them is recognised; an
/// order sees a handful of messages in its life, so 100 is "all of them" in practice while a
/// pathological sender cannot grow the snapshot without bound.
/// </summary>
public sealed record OrderSnapshot(
    OrderKey Key,
    OrderState State,
    OrderDetails? Details,
    long Version,
    IReadOnlyList<string> ProcessedMessageIds,
    MessageRef? LastMessage = null,
    DateTimeOffset? PlacedAt = null)
{
    public const int MaxProcessedMessageIds = 100;

    /// <summary>True when an order with this key has been placed (in whatever state it is now).</summary>
    [JsonIgnore]
    public bool Exists => State != OrderState.None;

    /// <summary>The state of an entity before its first event.</summary>
    public static OrderSnapshot Empty(OrderKey key) => new(key, OrderState.None, null, 0, []);

    /// <summary>Whether this message (by sender and MSH-10) has already been applied to the order.</summary>
    public bool HasProcessed(MessageRef message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.IdempotencyKey;
        for (var i = ProcessedMessageIds.Count - 1; i >= 0; i--)
        {
            if (string.Equals(ProcessedMessageIds[i], id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Records compare lists by reference; a snapshot rebuilt from the journal must equal the live one.
    public bool Equals(OrderSnapshot? other) =>
        other is not null
        && Key == other.Key
        && State == other.State
        && Details == other.Details
        && Version == other.Version
        && LastMessage == other.LastMessage
        && PlacedAt == other.PlacedAt
        && Sequences.Equal(ProcessedMessageIds, other.ProcessedMessageIds);

    public override int GetHashCode() =>
        HashCode.Combine(Key, State, Details, Version, LastMessage, PlacedAt, Sequences.Hash(ProcessedMessageIds));
}
