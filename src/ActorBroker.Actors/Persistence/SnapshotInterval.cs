using Akka.Persistence;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// An entity's snapshot-every setting (orders, studies): a positive value snapshots after every that many events and
/// recovers through the snapshot store; 0 or less never snapshots and recovers without it
/// (<see cref="SnapshotlessRecovery"/>).
/// </summary>
public readonly record struct SnapshotInterval(int Every)
{
    /// <summary>The recovery to use, given the persistent actor's default (which loads the latest snapshot).</summary>
    public Recovery Recovery(Recovery withSnapshots) => Every > 0 ? withSnapshots : SnapshotlessRecovery.Instance;

    /// <summary>Whether the event just written at <paramref name="sequenceNr"/> is due a snapshot.</summary>
    public bool IsDue(long sequenceNr) => Every > 0 && sequenceNr % Every == 0;
}
