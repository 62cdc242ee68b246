using ActorBroker.Actors.Settings;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Persistence.Sql.Config;
using LinqToDB;
using Microsoft.Data.Sqlite;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Turns actor-broker.persistence into Akka.Persistence.Sql settings: HOCON for the journal,
/// snapshot store and read journal, plus a linq2db DataOptions setup (the only way to install the
/// SQLite batching interceptor).
/// </summary>
public static class PersistenceSetup
{
    public const string JournalId = "akka.persistence.journal.sql";
    public const string SnapshotId = "akka.persistence.snapshot-store.sql";
    public const string QueryId = "akka.persistence.query.journal.sql";

    public static bool IsSqlite(PersistenceSettings settings) =>
        string.Equals(settings.Provider, "sqlite", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName(PersistenceSettings settings) => IsSqlite(settings)
        ? LinqToDB.ProviderName.SQLiteMS
        : string.Equals(settings.Provider, "postgresql", StringComparison.OrdinalIgnoreCase)
            ? LinqToDB.ProviderName.PostgreSQL15
            : throw new ConfigurationException($"actor-broker.persistence.provider '{settings.Provider}' is not sqlite or postgresql");

    /// <summary>Resolves the connection string (SQLite default: data-dir/actorbroker.db).</summary>
    public static string ConnectionString(PersistenceSettings settings, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return settings.ConnectionString;
        }

        if (!IsSqlite(settings))
        {
            throw new ConfigurationException("actor-broker.persistence.connection-string is required for postgresql");
        }

        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDir, "actorbroker.db"), Pooling = true }.ToString();
    }

    /// <summary>
    /// Prepares the database before the actor system starts. For SQLite: the folder, WAL mode and the journal's tables
    /// (<see cref="SqliteSchema"/>), so they exist before any listener opens. WAL is a property of the file; without it
    /// a recovering entity's read blocks every write.
    /// </summary>
    public static void PrepareDatabase(PersistenceSettings settings, string dataDir)
    {
        if (!IsSqlite(settings))
        {
            return;
        }

        Directory.CreateDirectory(dataDir);
        using var connection = new SqliteConnection(ConnectionString(settings, dataDir));
        connection.Open();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }

        SqliteSchema.Ensure(connection);
    }

    public static Config Hocon(PersistenceSettings settings, string dataDir)
    {
        var provider = ProviderName(settings);
        var cs = ConnectionString(settings, dataDir).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        // SQLite has one writer: parallel writers only contend for the lock. PostgreSQL takes more.
        var parallelism = IsSqlite(settings) ? 1 : 3;
        // Microsoft.Data.Sqlite opens a transaction of unspecified isolation as BEGIN IMMEDIATE, which
        // takes the write lock: every recovery and every read-model poll then queued behind (and
        // blocked) the journal's writes. read-uncommitted makes reads a plain deferred BEGIN; with
        // WAL (and no shared cache) a reader still sees one committed snapshot. Measured: ACK rate of
        // the inbound log 1,375 -> 2,000 msgs/s, end to end 460 -> 630 orders/s.
        var readIsolation = IsSqlite(settings) ? "read-uncommitted" : "unspecified";
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "{{JournalId}}"
                sql {
                  # The plugin's journal with the entities' start-up query (highest sequence number) read directly.
                  class = "{{typeof(BrokerSqlJournal).FullName}}, {{typeof(BrokerSqlJournal).Assembly.GetName().Name}}"
                  connection-string = "{{cs}}"
                  provider-name = "{{provider}}"
                  table-mapping = default
                  # SQLite: the broker creates the journal's tables itself, with only the indexes read (SqliteSchema).
                  auto-initialize = {{(IsSqlite(settings) ? "off" : "on")}}
                  parallelism = {{parallelism}}
                  batch-size = 500
                  # Binary payloads as parameters, not hex literals in one huge SQL text: measured
                  # ~45% more events/s on SQLite with ~3 KB inbound-log events.
                  prefer-parameters-on-multirow-insert = true
                  tag-write-mode = TagTable
                  read-isolation-level = {{readIsolation}}
                  # The replay filter drops events an older writer journaled under sequence numbers a newer one reused.
                  # Here the journal's unique (persistence_id, sequence_number) refuses the second write, so there is
                  # nothing for it to find; on, it costs an actor created and stopped for every recovery (each exam's
                  # new study): ~1% of the broker's CPU under MPPS load (perf/README.md, session 14).
                  replay-filter.mode = off
                }
              }
              snapshot-store {
                plugin = "{{SnapshotId}}"
                sql {
                  connection-string = "{{cs}}"
                  provider-name = "{{provider}}"
                  table-mapping = default
                  auto-initialize = on
                  read-isolation-level = {{readIsolation}}
                }
              }
              query.journal.sql {
                connection-string = "{{cs}}"
                provider-name = "{{provider}}"
                table-mapping = default
                tag-read-mode = TagTable
                # Read models on this node get every event at once from the local publish; this poll brings
                # other nodes' events and fills gaps, and it is what feeds the outboxes (status and results to
                # the EHR). Since the tag queries were repaired (TagQueryRewriter) an idle poll is one index
                # seek: 200 ms instead of 1 s cut MPPS -> EHR status p50 from 1.19 s to 0.44 s at no
                # measurable cost in pairs/s (perf/README.md).
                refresh-interval = 200ms
                read-isolation-level = {{readIsolation}}
              }
            }
            """;
        return ConfigurationFactory.ParseString(hocon);
    }

    /// <summary>
    /// The linq2db options for all three plugins: the tag-query repairs (every provider) and, for SQLite, the batching
    /// interceptor.
    /// </summary>
    public static Setup DataOptions(PersistenceSettings settings, string dataDir)
    {
        var options = new DataOptions()
            .UseConnectionString(ProviderName(settings), ConnectionString(settings, dataDir))
            .UseInterceptor(new TagQueryRewriter());
        if (IsSqlite(settings))
        {
            options = options.UseInterceptor(new SqliteTuningInterceptor());
        }

        var setup = new MultiDataOptionsSetup();
        setup.AddDataOptions(JournalId, options);
        setup.AddDataOptions(SnapshotId, options);
        setup.AddDataOptions(QueryId, options);
        return setup;
    }
}
