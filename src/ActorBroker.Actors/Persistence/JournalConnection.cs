using System.Collections.Concurrent;
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

    // SQLite: connections kept open with their point reads compiled (see PointScalarAsync); a few suffice, as each
    // read takes microseconds. Closed when this object is collected (the journal and the MPPS index live as long as
    // their actor system), or when a read fails.
    private const int MaxIdleReaders = 4;
    private readonly ConcurrentBag<PreparedReads> _idleReaders = [];

    /// <summary>SQLite (where the broker also does the journal's writes) rather than PostgreSQL.</summary>
    public bool IsSqlite => factory is SqliteFactory;

    /// <summary>
    /// A point read: the first column of the first row, or null as <see cref="ScalarAsync"/> (no row, or no table yet).
    /// On SQLite the statement is compiled once per kept connection and reused. Opening a pooled connection, compiling
    /// the statement, binding and disposing made up most of the cost of the two reads every exam makes (the MPPS
    /// instance's study at its N-CREATE, a new study's highest sequence number): ~3% of the broker's CPU under MPPS
    /// load (perf/README.md, session 14). Microsoft.Data.Sqlite runs its "async" calls synchronously anyway.
    /// </summary>
    public async Task<object?> PointScalarAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        if (!IsSqlite)
        {
            await using var connection = await OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                Add(cmd, name, value);
            }

            return await ScalarAsync(cmd, ct);
        }

        ct.ThrowIfCancellationRequested();
        if (!_idleReaders.TryTake(out var reader))
        {
            reader = new PreparedReads(connectionString);
        }

        object? result;
        try
        {
            result = await ScalarAsync(reader.Command(sql, parameters), ct);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        if (_idleReaders.Count < MaxIdleReaders)
        {
            _idleReaders.Add(reader);
        }
        else
        {
            reader.Dispose();
        }

        return result;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = factory.CreateConnection() ?? throw new InvalidOperationException("the provider made no connection");
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// The first column of the first row (null when there is none, as ExecuteScalar), or null when the journal's
    /// tables do not exist yet: on PostgreSQL the plugin creates them at its first write, so on a new database a read in
    /// the first moments after start (an MPPS that comes before anything was journaled) finds no table (on SQLite the
    /// broker creates them before it starts, <see cref="SqliteSchema"/>). Nothing has been journaled then, and the
    /// read's answer is "none", not an error.
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

    /// <summary>One open SQLite connection and the point reads compiled on it, used by one caller at a time.</summary>
    private sealed class PreparedReads : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public PreparedReads(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public SqliteCommand Command(string sql, (string Name, object Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var cmd))
            {
                cmd = _connection.CreateCommand();
                cmd.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                _commands[sql] = cmd;
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                cmd.Parameters[i].Value = parameters[i].Value;
            }

            return cmd;
        }

        public void Dispose()
        {
            foreach (var cmd in _commands.Values)
            {
                cmd.Dispose();
            }

            _connection.Dispose();
        }
    }
}
