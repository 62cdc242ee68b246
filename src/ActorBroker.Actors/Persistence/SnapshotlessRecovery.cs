using Akka.Persistence;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Recovery that skips the snapshot store: a new entity (the common case: a new order, MPPS instance or study) then
/// makes one journal query (its highest sequence number) before its first write instead of two. Right for entities
/// with few events that are never deleted: a journal holding older snapshots of them still recovers the same
/// state by replaying every event.
/// </summary>
public static class SnapshotlessRecovery
{
    public static Recovery Instance { get; } = new(SnapshotSelectionCriteria.None);
}
