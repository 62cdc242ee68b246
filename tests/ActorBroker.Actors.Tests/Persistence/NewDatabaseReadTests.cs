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
    private readonly JournalConnection _db;

    public NewDatabaseReadTests()
    {
        Directory.CreateDirectory(_dir);
        _db = new JournalConnection(SqliteFactory.Instance, new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "j.db"), Pooling = false }.ToString());
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
}
