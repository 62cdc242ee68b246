using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>The real Akka.Persistence.Sql journal on SQLite, configured as the broker configures it.</summary>
public sealed class SqlitePersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-sqlite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Events_survive_a_new_actor_system_and_connections_go_through_the_batching_interceptor()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        var before = SqliteTuningInterceptor.TunedConnections;

        var system = Start(settings);
        var store = system.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        var stored = await store.Ask<ExceptionStored>(new RecordException("t", "reason", null, null, "M1", "AE", null, [1, 2]), TimeSpan.FromSeconds(30));
        Assert.Equal("EX-000001", stored.Id);
        await system.Terminate();

        Assert.True(SqliteTuningInterceptor.TunedConnections > before, "the SQLite interceptor never ran: the journal is not using the broker's DataOptions");

        var again = Start(settings);
        var recovered = again.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        var lookup = await recovered.Ask<ExceptionLookup>(new GetException("EX-000001"), TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2], Convert.FromBase64String(lookup.Record!.RawBase64));
        await again.Terminate();

        using var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    private ActorSystem Start(PersistenceSettings settings)
    {
        var config = PersistenceSetup.Hocon(settings, _dir)
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration)
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), PersistenceSetup.DataOptions(settings, _dir));
        return ActorSystem.Create("sqlite-" + Guid.NewGuid().ToString("N")[..8], setup);
    }
}
