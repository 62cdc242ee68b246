namespace ActorBroker.Actors.Settings;

/// <summary>actor-broker.persistence: which journal and where.</summary>
public sealed record PersistenceSettings(string Provider, string ConnectionString, int SnapshotEvery)
{
    public static PersistenceSettings Default { get; } = new("sqlite", "", 50);
}
