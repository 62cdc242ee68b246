using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Finds the studies whose MPPS states have not all reached their orders. After a crash between the modality's
/// response and the hand-over (kill -9, power loss) nothing else would wake such a study: the modality got its 0000
/// and has no reason to send again, so its order would stay "in progress" and the EHR would never hear "exam ended".
/// A study journals a <see cref="MppsPropagated"/> marker only when it has handed over every MPPS state it holds (one
/// at a time, in journal order; a failed hand-over is retried), so a study is behind exactly when its last MPPS
/// event comes after its last marker.
/// </summary>
public sealed class MppsHandOverScan(JournalConnection db)
{
    // SQLite compares text bytewise, so the range [from, to) is exactly the ids with the study prefix and reads them
    // through the journal's (persistence_id, sequence_number) index. PostgreSQL's collation may order punctuation
    // differently, so there the prefix is matched with LIKE (a scan of the journal, once at start-up, in the background).
    private const string Behind =
        " AND manifest IN (@created, @updated, @marker) GROUP BY persistence_id HAVING " +
        "MAX(CASE WHEN manifest = @marker THEN 0 ELSE sequence_number END) > MAX(CASE WHEN manifest = @marker THEN sequence_number ELSE 0 END)";

    private const string SqliteSql = "SELECT persistence_id FROM journal WHERE persistence_id >= @from AND persistence_id < @to" + Behind;

    private const string PostgresSql = "SELECT persistence_id FROM journal WHERE persistence_id LIKE @like" + Behind;

    private const string Prefix = Studies.StudyEntity.PersistenceIdPrefix;

    /// <summary>The Study Instance UIDs of the studies with MPPS states not yet handed over.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = db.IsSqlite ? SqliteSql : PostgresSql;
        JournalConnection.Add(cmd, "@created", ManifestRegistry.ManifestFor(typeof(MppsCreated)));
        JournalConnection.Add(cmd, "@updated", ManifestRegistry.ManifestFor(typeof(MppsUpdated)));
        JournalConnection.Add(cmd, "@marker", ManifestRegistry.ManifestFor(typeof(MppsPropagated)));
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
