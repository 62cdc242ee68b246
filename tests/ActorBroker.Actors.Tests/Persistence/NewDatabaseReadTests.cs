using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Persistence;
using Microsoft.Data.Sqlite;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>
/// The plugin creates the journal's tables at its first write: an MPPS N-CREATE in the first moments of a new
/// database (before anything was journaled) looked its instance up in a table that did not exist yet and was
/// refused 0110 "could not read its journal" (seen in CI). A missing table means nothing was journaled.
/// </summary>
public sealed class NewDatabaseReadTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-newdb-" + Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;
    private readonly JournalConnection _db;

    public NewDatabaseReadTests()
    {
        Directory.CreateDirectory(_dir);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "j.db"), Pooling = false }.ToString();
        _db = new JournalConnection(SqliteFactory.Instance, _connectionString);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Before_the_first_write_an_instance_is_unknown_and_every_sequence_is_zero()
    {
        Assert.Null(await MppsStudyIndex.JournalLookup(_db)("1.2.3.4", CancellationToken.None));
        Assert.Equal(0, await new JournalSequenceReader(_db).HighestSequenceNrAsync("study-1.2.3", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Any_other_database_error_still_surfaces()
    {
        await using (var connection = await _db.OpenAsync(CancellationToken.None))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE tags (other TEXT); CREATE TABLE journal (other TEXT);";
            await cmd.ExecuteNonQueryAsync();
        }

        var lookup = await Assert.ThrowsAsync<SqliteException>(() => MppsStudyIndex.JournalLookup(_db)("1.2.3.4", CancellationToken.None));
        Assert.Contains("no such column", lookup.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqliteException>(() => new JournalSequenceReader(_db).HighestSequenceNrAsync("study-1.2.3", 0, CancellationToken.None));
    }

    // The point reads keep their connections open with the statements compiled (JournalConnection.PointScalarAsync):
    // a statement that failed for want of a table, and one already run, still read what is there now.
    [Fact]
    public async Task Reads_kept_open_see_tables_created_after_them_and_rows_written_since()
    {
        var sequences = new JournalSequenceReader(_db);
        var lookup = MppsStudyIndex.JournalLookup(_db);
        Assert.Equal(0, await sequences.HighestSequenceNrAsync("study-1.2.3", 0, CancellationToken.None));
        Assert.Null(await lookup("1.2.3.4", CancellationToken.None));

        Write("SELECT 1", 0);
        Write("INSERT INTO journal (created, deleted, persistence_id, sequence_number, message) VALUES (1, 0, 'study-1.2.3', 1, x'00'), (1, 0, 'study-1.2.3', 2, x'00');" +
              $"INSERT INTO tags (ordering_id, tag, sequence_nr, persistence_id) VALUES (1, '{MppsStudyIndex.TagFor("1.2.3.4")}', 1, 'study-1.2.3')", 3);
        Assert.Equal(2, await sequences.HighestSequenceNrAsync("study-1.2.3", 0, CancellationToken.None));
        Assert.Equal("1.2.3", await lookup("1.2.3.4", CancellationToken.None));

        Write("INSERT INTO journal (created, deleted, persistence_id, sequence_number, message) VALUES (1, 0, 'study-1.2.3', 3, x'00')", 1);
        Assert.Equal(3, await sequences.HighestSequenceNrAsync("study-1.2.3", 0, CancellationToken.None));
        Assert.Equal(0, await sequences.HighestSequenceNrAsync("study-1.2.3", 3, CancellationToken.None));
        Assert.Equal(0, await sequences.HighestSequenceNrAsync("study-9", 0, CancellationToken.None));
        Assert.Null(await lookup("1.2.3.5", CancellationToken.None));
    }

    private void Write(string sql, int rows)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqliteSchema.Ensure(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var written = cmd.ExecuteNonQuery();
        Assert.Equal(rows, Math.Max(written, 0));
    }
}
