namespace ActorBroker.Domain.Outbound;

/// <summary>
/// Everything an <see cref="OutboxQueue"/> needs to be rebuilt: its entries in queue order, its
/// counters, and the ids recently delivered or discarded (so that a replayed enqueue stays ignored).
/// </summary>
public sealed record OutboxSnapshot(IReadOnlyList<OutboxEntry> Entries, OutboxCounters Counters, IReadOnlyList<string> CompletedIds);
