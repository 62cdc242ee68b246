using Microsoft.Data.Sqlite;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// The SQLite journal's tables, created by the broker before the actor system starts instead of by the plugin on its
/// first write (its <c>auto-initialize</c> is off for SQLite; the snapshot store still creates its own table).
/// <para>
/// The columns are the plugin's "default" table mapping, unchanged (its reads, its writes and the broker's own
/// <see cref="SqliteJournalWriter"/> use them). The indexes are only those some query reads through:
/// <list type="bullet">
/// <item><c>journal_uq (persistence_id, sequence_number)</c>: every replay and highest-sequence read, and the guard
/// that two writers can never journal the same sequence number of one entity.</item>
/// <item><c>tags_tag_ordering_idx (tag, ordering_id)</c>: events by tag read only what is new (session 4,
/// perf/README.md); it serves every query the plugin's <c>tags_tag_idx (tag)</c> served, so that one is not kept.</item>
/// <item><c>tags_persistence_id_sequence_nr_idx</c>: the tag rows an outbox's deletion removes.</item>
/// </list>
/// The plugin also indexes <c>journal(created)</c> and <c>journal(sequence_number)</c>, which none of its queries nor
/// the broker's read (each filters by persistence id first); they cost two B-tree inserts for every event, the
/// second in the middle of its index (every new entity's event 1 lands among all the others), which touched more WAL
/// pages per commit: pwrite calls per MPPS exam 29 -> 26 (perf/README.md, session 14). A journal the plugin created (before
/// session 14) is brought to this shape at start. Left on, the plugin's creation would add its indexes back on each start.
/// </para>
/// </summary>
public static class SqliteSchema
{
    internal const string Ddl = """
        CREATE TABLE IF NOT EXISTS [journal]
        (
            [ordering]        INTEGER        NOT NULL PRIMARY KEY AUTOINCREMENT,
            [created]         INTEGER        NOT NULL,
            [deleted]         Bit            NOT NULL,
            [persistence_id]  NVarChar(255)  NOT NULL,
            [sequence_number] INTEGER        NOT NULL,
            [message]         VarBinary      NOT NULL,
            [manifest]        NVarChar(500)      NULL,
            [identifier]      INTEGER            NULL,
            [writer_uuid]     NVarChar(128)      NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS journal_uq ON journal (persistence_id, sequence_number);
        DROP INDEX IF EXISTS journal_created_idx;
        DROP INDEX IF EXISTS journal_sequence_number_idx;
        CREATE TABLE IF NOT EXISTS [tags]
        (
            [ordering_id]    INTEGER       NOT NULL,
            [tag]            NVarChar(64)  NOT NULL,
            [sequence_nr]    INTEGER       NOT NULL,
            [persistence_id] NVarChar(255) NOT NULL,

            CONSTRAINT [PK_tags] PRIMARY KEY ([ordering_id], [tag])
        );
        CREATE INDEX IF NOT EXISTS tags_persistence_id_sequence_nr_idx ON tags (persistence_id, sequence_nr);
        CREATE INDEX IF NOT EXISTS tags_tag_ordering_idx ON tags (tag, ordering_id);
        DROP INDEX IF EXISTS tags_tag_idx;
        """;

    /// <summary>Creates the journal's tables and indexes if missing and drops the plugin's unread indexes (idempotent).</summary>
    public static void Ensure(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        // Another process (a second broker on the same file, a test's writer) may hold the write lock for a moment.
        cmd.CommandText = "PRAGMA busy_timeout=10000;" + Ddl;
        cmd.ExecuteNonQuery();
    }
}
