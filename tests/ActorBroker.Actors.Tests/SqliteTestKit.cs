using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests;

/// <summary>
/// TestKit over the real Akka.Persistence.Sql journal, snapshot store and read journal on SQLite in a temporary
/// folder, configured as the broker configures them (PersistenceSetup), with the broker's JSON serializer bound to
/// every journaled type (BrokerAkkaSetup.SerializationHocon). The read journal polls every 100 ms so that projections
/// (events by tag) see new events quickly. The folder is deleted after the actor system has stopped.
/// </summary>
public abstract class SqliteTestKit : TestKit
{
    private static readonly Config Overrides = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.persistence.query.journal.sql {
          refresh-interval = 100ms
          journal-sequence-retrieval.query-delay = 100ms
        }
        """);

    private readonly string _dir;

    /// <summary>The slice of the HL7 outboxes' own thread in these kits: 0.35 ms, a value no other thread of the test process asks for.</summary>
    protected static readonly TimeSpan OutboxThreadSlice = TimeSpan.FromMilliseconds(0.35);

    protected SqliteTestKit()
        : this(Path.Combine(Path.GetTempPath(), "ab-sqlkit-" + Guid.NewGuid().ToString("N")))
    {
    }

    private SqliteTestKit(string dir)
        : base(Setup(dir), "sqlite-" + Guid.NewGuid().ToString("N")[..8])
    {
        _dir = dir;
    }

    /// <summary>Direct access to this kit's journal database, as the broker's own readers have it.</summary>
    protected JournalConnection Journal => JournalConnection.For(PersistenceSettings.Default, _dir);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static ActorSystemSetup Setup(string dir)
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, dir);
        var config = Overrides
            .WithFallback(BrokerAkkaSetup.SerializationHocon)
            .WithFallback(ActorBroker.Actors.Outbound.OutboundSupervisor.DispatcherHocon(OutboxThreadSlice))
            .WithFallback(PersistenceSetup.Hocon(settings, dir))
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        return ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), PersistenceSetup.DataOptions(settings, dir));
    }
}
