using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Finds the MPPS instances whose journaled states have not all reached their orders and studies. After a crash
/// between the modality's response and the hand-over (kill -9, power loss) nothing else would wake such an
/// instance: the modality got its 0000 and has no reason to send again, so its order would stay "in progress" and
/// the EHR would never hear "exam ended". <see cref="MppsEntity"/> journals exactly one <see cref="MppsPropagated"/>
/// marker for each event it has handed over (one event at a time, in journal order; a failed hand-over writes
/// none and is retried), so an instance is behind exactly when its rows hold fewer markers than events.
/// </summary>
public sealed class MppsHandOverScan(JournalConnection db)
{
    // SQLite compares text bytewise, so the range [from, to) is exactly the ids with the MPPS prefix and reads them through the journal's
    // (persistence_id, sequence_number) index. PostgreSQL's collation may order punctuation differently, so there
    // the prefix is matched with LIKE (a scan of the journal, once at start-up, in the background).
    private const string Counts =
        "SUM(CASE WHEN manifest = @marker THEN 1 ELSE 0 END) < SUM(CASE WHEN manifest = @marker THEN 0 ELSE 1 END)";

    private const string SqliteSql =
        "SELECT persistence_id FROM journal WHERE persistence_id >= @from AND persistence_id < @to " +
        "GROUP BY persistence_id HAVING " + Counts;

    private const string PostgresSql =
        "SELECT persistence_id FROM journal WHERE persistence_id LIKE @like GROUP BY persistence_id HAVING " + Counts;

    private const string Prefix = MppsEntity.PersistenceIdPrefix;

    private static readonly string Marker = ManifestRegistry.ManifestFor(typeof(MppsPropagated));

    /// <summary>The SOP Instance UIDs of the MPPS instances with states not yet handed over.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = db.IsSqlite ? SqliteSql : PostgresSql;
        JournalConnection.Add(cmd, "@marker", Marker);
        if (db.IsSqlite)
        {
            JournalConnection.Add(cmd, "@from", Prefix);
            JournalConnection.Add(cmd, "@to", Prefix[..^1] + (char)(Prefix[^1] + 1));
        }
        else
        {
            JournalConnection.Add(cmd, "@like", Prefix + "%");
        }

        var uids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            uids.Add(reader.GetString(0)[Prefix.Length..]);
        }

        return uids;
    }
}
