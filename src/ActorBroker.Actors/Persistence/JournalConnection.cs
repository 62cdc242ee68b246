using System.Data.Common;
using ActorBroker.Actors.Settings;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Plain ADO.NET access to Akka.Persistence.Sql's tables (default table mapping) for the few reads that run too
/// often, or read too much, to go through linq2db: the rebuild's tag pages and the journal's highest sequence number.
/// SQLite (Microsoft.Data.Sqlite, pooled) or PostgreSQL (Npgsql, pooled), chosen as the plugin's provider is.
/// </summary>
public sealed class JournalConnection(DbProviderFactory factory, string connectionString)
{
    public static JournalConnection For(PersistenceSettings settings, string dataDir) =>
        new(PersistenceSetup.IsSqlite(settings) ? SqliteFactory.Instance : NpgsqlFactory.Instance, PersistenceSetup.ConnectionString(settings, dataDir));

    /// <summary>From a plugin's own HOCON (provider-name SQLite.* or PostgreSQL.*, connection-string).</summary>
    public static JournalConnection For(string providerName, string connectionString) =>
        new(providerName.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase) ? SqliteFactory.Instance
            : providerName.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase) ? NpgsqlFactory.Instance
            : throw new ArgumentException($"no direct journal access for provider '{providerName}'", nameof(providerName)),
            connectionString);

    /// <summary>SQLite (where the broker also does the journal's writes) rather than PostgreSQL.</summary>
    public bool IsSqlite => factory is SqliteFactory;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = factory.CreateConnection() ?? throw new InvalidOperationException("the provider made no connection");
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// The first column of the first row (null when there is none, as ExecuteScalar), or null when the journal's
    /// tables do not exist yet: the plugin creates them at its first write, so on a new database a read in the first
    /// moments after start (an MPPS that comes before anything was journaled) finds no table. Nothing has been
    /// journaled then, and the read's answer is "none", not an error.
    /// </summary>
    public static async Task<object?> ScalarAsync(DbCommand cmd, CancellationToken ct)
    {
        try
        {
            return await cmd.ExecuteScalarAsync(ct);
        }
        catch (DbException e) when (IsMissingTable(e))
        {
            return null;
        }
    }

    private static bool IsMissingTable(DbException e) => e switch
    {
        // SQLite: SQLITE_ERROR (1) "no such table: ..."; PostgreSQL: undefined_table.
        SqliteException s => s.SqliteErrorCode == 1 && s.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase),
        PostgresException p => p.SqlState == PostgresErrorCodes.UndefinedTable,
        _ => false,
    };

    public static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
