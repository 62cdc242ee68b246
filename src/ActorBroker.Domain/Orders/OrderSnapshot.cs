using System.Text.Json.Serialization;
using ActorBroker.Domain.Reports;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// An order's current state, derived only from its events (and stored as the entity's snapshot).
/// Version counts applied events. ProcessedMessageIds keeps the idempotency keys
/// (<see cref="MessageRef.IdempotencyKey"/>) of the last <see cref="MaxProcessedMessageIds"/>
/// messages that changed the order, oldest first, so a resend of any of them is recognised; an
/// order sees a handful of messages in its life, so 100 is "all of them" in practice while a
/// pathological sender cannot grow the snapshot without bound.
/// <para>
/// PerformedSteps holds the order's MPPS instances, one entry per MPPS SOP Instance UID with its
/// latest status, in the order they were first seen. Reports is the report history, oldest
/// first (every version recorded). AwaitingSteps and AwaitingReports hold what came before the
/// order existed (state None); placing the order records them and empties both lists.
/// PerformedBeforeOrder says that happened (an MPPS or a report was kept waiting for this order).
/// DiscontinuedByModality tells an order discontinued because its MPPS instances all were
/// (which a new MPPS may reopen) from one the EHR discontinued (closed).
/// </para>
/// The members added after the first release are optional constructor parameters, so snapshots
/// journaled before them still deserialize (to empty lists and false).
/// </summary>
public sealed record OrderSnapshot(
    OrderKey Key,
    OrderState State,
    OrderDetails? Details,
    long Version,
    IReadOnlyList<string> ProcessedMessageIds,
    MessageRef? LastMessage = null,
    DateTimeOffset? PlacedAt = null,
    IReadOnlyList<PerformedStep>? PerformedSteps = null,
    IReadOnlyList<ReportContent>? Reports = null,
    IReadOnlyList<ProcedureStepAwaitingOrder>? AwaitingSteps = null,
    IReadOnlyList<ReportAwaitingOrder>? AwaitingReports = null,
    bool PerformedBeforeOrder = false,
    bool DiscontinuedByModality = false)
{
    public const int MaxProcessedMessageIds = 100;

    public IReadOnlyList<PerformedStep> PerformedSteps { get; init; } = PerformedSteps ?? [];

    public IReadOnlyList<ReportContent> Reports { get; init; } = Reports ?? [];

    public IReadOnlyList<ProcedureStepAwaitingOrder> AwaitingSteps { get; init; } = AwaitingSteps ?? [];

    public IReadOnlyList<ReportAwaitingOrder> AwaitingReports { get; init; } = AwaitingReports ?? [];

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
        && PerformedBeforeOrder == other.PerformedBeforeOrder
        && DiscontinuedByModality == other.DiscontinuedByModality
        && Sequences.Equal(ProcessedMessageIds, other.ProcessedMessageIds)
        && Sequences.Equal(PerformedSteps, other.PerformedSteps)
        && Sequences.Equal(Reports, other.Reports)
        && Sequences.Equal(AwaitingSteps, other.AwaitingSteps)
        && Sequences.Equal(AwaitingReports, other.AwaitingReports);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Key);
        hash.Add(State);
        hash.Add(Details);
        hash.Add(Version);
        hash.Add(LastMessage);
        hash.Add(PlacedAt);
        hash.Add(PerformedBeforeOrder);
        hash.Add(DiscontinuedByModality);
        hash.Add(Sequences.Hash(ProcessedMessageIds));
        hash.Add(Sequences.Hash(PerformedSteps));
        hash.Add(Sequences.Hash(Reports));
        hash.Add(Sequences.Hash(AwaitingSteps));
        hash.Add(Sequences.Hash(AwaitingReports));
        return hash.ToHashCode();
    }
}
