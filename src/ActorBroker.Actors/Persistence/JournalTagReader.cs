using System.Data.Common;
using ActorBroker.Actors.Settings;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Reads one tag's rows straight from Akka.Persistence.Sql's tables (default table mapping: journal, tags) for the
/// read models' rebuild at start. The plugin's events-by-tag reads a page, deserializes it on one thread, and only
/// then asks for the next page; a restart with 100,000 orders spent ~10 s there. This reader leaves deserializing
/// to its caller, so the next page can be read while the previous one is deserialized on the other cores. The
/// live stream after the rebuild is still the plugin's (it handles the gaps of concurrent writers); this reader
/// is only used up to the journal's highest ordering at start, and the live stream overlaps its end.
/// </summary>
public sealed class JournalTagReader
{
    // The SQL is the one the plugin's own events-by-tag runs in TagTable mode once TagQueryRewriter has repaired it
    // (rows in the (tag, ordering_id) index's order), without the per-row tag aggregate the read models never use.
    private const string PageSql =
        "SELECT j.ordering, j.persistence_id, j.sequence_number, j.message, j.identifier, j.manifest " +
        "FROM tags t INNER JOIN journal j ON j.ordering = t.ordering_id " +
        "WHERE t.tag = @tag AND t.ordering_id > @after AND t.ordering_id <= @upTo AND j.deleted = @deleted " +
        "ORDER BY t.ordering_id LIMIT @take";

    private readonly JournalConnection _db;

    public JournalTagReader(DbProviderFactory factory, string connectionString, int pageSize = 2_000)
        : this(new JournalConnection(factory, connectionString), pageSize)
    {
    }

    public JournalTagReader(JournalConnection db, int pageSize = 2_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _db = db;
        PageSize = pageSize;
    }

    /// <summary>Rows per page of a rebuild: large enough that the query's cost is spread over many rows.</summary>
    public int PageSize { get; }

    public static JournalTagReader For(PersistenceSettings settings, string dataDir, int pageSize = 2_000) =>
        new(JournalConnection.For(settings, dataDir), pageSize);

    /// <summary>The journal's highest ordering (0 when empty or when the plugin has not created its tables yet).</summary>
    public async Task<long> MaxOrderingAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(ordering), 0) FROM journal";
        return Convert.ToInt64(await JournalConnection.ScalarAsync(cmd, ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Up to <see cref="PageSize"/> rows of <paramref name="tag"/> with after &lt; ordering &lt;= upTo, in ordering order.</summary>
    public async Task<IReadOnlyList<JournalTagRow>> PageAsync(string tag, long after, long upTo, CancellationToken ct)
    {
        await using var connection = await _db.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = PageSql;
        JournalConnection.Add(cmd, "@tag", tag);
        JournalConnection.Add(cmd, "@after", after);
        JournalConnection.Add(cmd, "@upTo", upTo);
        JournalConnection.Add(cmd, "@deleted", false);
        JournalConnection.Add(cmd, "@take", PageSize);
        var rows = new List<JournalTagRow>(PageSize);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new JournalTagRow(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                (byte[])reader.GetValue(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? string.Empty : reader.GetString(5)));
        }

        return rows;
    }
}
