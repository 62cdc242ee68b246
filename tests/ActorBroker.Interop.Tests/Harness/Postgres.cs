using Npgsql;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// The PostgreSQL server scripts/install-peers.sh starts (127.0.0.1:5432, role actorbroker/actorbroker with CREATEDB;
/// AB_PG_CONNECTION overrides the server connection string). Each test gets a database of its own, dropped at the end.
/// Unreachable: the test skips, visibly, or fails under AB_REQUIRE_PEERS=1 like every other peer.
/// </summary>
internal sealed class Postgres : IAsyncDisposable
{
    private readonly string _server;

    private Postgres(string server, string database)
    {
        _server = server;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    public string Database { get; }

    /// <summary>The connection string of this test's own database.</summary>
    public string ConnectionString { get; }

    public static async Task<Postgres> CreateDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("AB_PG_CONNECTION") is { Length: > 0 } env
            ? env
            : "Host=127.0.0.1;Port=5432;Username=actorbroker;Password=actorbroker;Database=postgres;Timeout=5";
        var database = "ab_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Peers.Unavailable(true, $"PostgreSQL not reachable or not usable at {new NpgsqlConnectionStringBuilder(server) { Password = null }} ({e.Message}; scripts/install-peers.sh starts it)");
        }

        return new Postgres(server, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
