using System.Data.Common;
using LinqToDB.Interceptors;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Makes Akka.Persistence.Sql batch on SQLite. Microsoft.Data.Sqlite completes its async calls
/// synchronously, so without a real await the journal's writer never lets other writes queue up
/// behind it and every Persist becomes its own transaction (~1,000-7,000 events/s measured here).
/// Yielding when a connection opens lets the pending writes gather into one batch (~24,000/s with
/// parallelism = 1). synchronous=NORMAL is per connection; with WAL it still survives a process
/// crash (kill -9): only an OS crash or power loss can lose the last transactions.
/// </summary>
internal sealed class SqliteTuningInterceptor : ConnectionInterceptor
{
    /// <summary>What every journal connection runs once opened (the broker's own writer's connection too).</summary>
    internal const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private static long _tuned;

    /// <summary>Connections tuned so far in this process (tests check the interceptor is wired).</summary>
    public static long TunedConnections => Interlocked.Read(ref _tuned);

    public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Tune(connection);
    }

    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection) => Tune(connection);

    private static void Tune(DbConnection connection)
    {
        Interlocked.Increment(ref _tuned);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = ConnectionPragmas;
        cmd.ExecuteNonQuery();
    }
}
