using System.Globalization;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// The highest sequence number of one persistence id, read straight from the journal table. The plugin asks linq2db
/// for it, which rebuilds and compares the LINQ expression of the query each time: ~15% of the broker's CPU under
/// intake load, because every new order and study entity asks once before its first write
/// (perf/README.md, session 6). The SQL is the plugin's own (default table mapping, no delete-compatibility
/// table): the maximum over every row of that id, deleted-flagged rows included, above fromSequenceNr.
/// </summary>
public sealed class JournalSequenceReader(JournalConnection db)
{
    private const string Sql =
        "SELECT MAX(sequence_number) FROM journal WHERE persistence_id = @pid AND sequence_number > @from";

    public async Task<long> HighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct)
    {
        // Null too on a new database before its first write: nothing journaled for anyone yet.
        var max = await db.PointScalarAsync(Sql, [("@pid", persistenceId), ("@from", fromSequenceNr)], ct);
        return max is null or DBNull ? 0 : Convert.ToInt64(max, CultureInfo.InvariantCulture);
    }
}
