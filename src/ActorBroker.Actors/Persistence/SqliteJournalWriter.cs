using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// The SQLite journal's one writer: every persistent actor's events go into Akka.Persistence.Sql's own tables
/// (journal and tags, default mapping) through one connection, as many writes per transaction as are waiting when the
/// previous transaction ends (group commit). The plugin's writer builds each row's INSERT through linq2db and, for a
/// tagged event, runs it alone to learn its ordering for the tags rows: measured at a quarter of the broker's
/// allocations and ~15% of its CPU under intake load (perf/README.md, session 6). Here the two statements are prepared
/// once per transaction and run with new values for each row.
/// A transaction that fails on a constraint is retried one write at a time, so a write that cannot go in (say, a
/// sequence number a zombie incarnation already used) fails alone instead of taking the others of its batch with it.
/// </summary>
public sealed class SqliteJournalWriter : IAsyncDisposable
{
    private const string InsertEvent =
        "INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid) " +
        "VALUES (@created, 0, @pid, @seq, @message, @manifest, @identifier, @writer) RETURNING ordering";

    private const string InsertTag =
        "INSERT INTO tags (ordering_id, tag, sequence_nr, persistence_id) VALUES (@ordering, @tag, @seq, @pid)";

    // SQLITE_CONSTRAINT: a row one write brings (a sequence number already taken) and no other.
    private const int ConstraintViolation = 19;

    private readonly string _connectionString;
    private readonly int _maxRowsPerTransaction;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private SqliteConnection? _connection;

    public SqliteJournalWriter(string connectionString, int maxRowsPerTransaction = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerTransaction, 1);
        _connectionString = connectionString;
        _maxRowsPerTransaction = maxRowsPerTransaction;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Completes when the rows are committed (all of them, in one transaction), fails when they are not.</summary>
    public Task WriteAsync(IReadOnlyList<JournalWriteRow> rows)
    {
        var write = new Write(rows);
        return _queue.Writer.TryWrite(write) ? write.Done.Task : Task.FromException(new InvalidOperationException("the journal writer has stopped"));
    }

    /// <summary>Writes what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Write>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // To the back of the thread pool's queue before taking the batch: the mailbox runs queued ahead
                // persist too, and their writes join this transaction instead of each paying for the next. No wait
                // when the pool is idle. Under MPPS load: ~16 rows a transaction instead of ~10, and ~20% fewer
                // page writes to the WAL per exam (every transaction rewrites each B-tree page it touches).
                await Task.Yield();
                batch.Clear();
                var rows = 0;
                while (rows < _maxRowsPerTransaction && _queue.Reader.TryRead(out var w))
                {
                    batch.Add(w);
                    rows += w.Rows.Count;
                }

                try
                {
                    Commit(batch);
                    batch.ForEach(w => w.Done.TrySetResult());
                }
                catch (SqliteException ex) when (batch.Count > 1 && ex.SqliteErrorCode == ConstraintViolation)
                {
                    foreach (var w in batch)
                    {
                        try
                        {
                            Commit([w]);
                            w.Done.TrySetResult();
                        }
                        catch (Exception one)
                        {
                            w.Done.TrySetException(one);
                        }
                    }
                }
                catch (Exception ex)
                {
                    // Anything but one write's constraint (the database busy past its timeout, I/O, a closed file)
                    // would fail each write again: all of them fail now, and their actors' persist failure handling
                    // (backoff restart, negative ACK) takes over.
                    batch.ForEach(w => w.Done.TrySetException(ex));
                }
            }
        }
        finally
        {
            _connection?.Dispose();
        }
    }

    private void Commit(IReadOnlyList<Write> batch)
    {
        var connection = Connection();
        try
        {
            // Microsoft.Data.Sqlite begins a default transaction IMMEDIATE: the write lock is taken at once, so a
            // reader's snapshot can never turn this transaction into a busy upgrade half way.
            using var tx = connection.BeginTransaction();
            using var insert = Command(connection, tx, InsertEvent, "@created", "@pid", "@seq", "@message", "@manifest", "@identifier", "@writer");
            using var tag = Command(connection, tx, InsertTag, "@ordering", "@tag", "@seq", "@pid");
            foreach (var write in batch)
            {
                foreach (var row in write.Rows)
                {
                    var p = insert.Parameters;
                    p[0].Value = row.Created;
                    p[1].Value = row.PersistenceId;
                    p[2].Value = row.SequenceNr;
                    p[3].Value = row.Message;
                    p[4].Value = row.Manifest;
                    p[5].Value = row.SerializerId;
                    p[6].Value = row.WriterUuid;
                    var ordering = (long)insert.ExecuteScalar()!;
                    foreach (var t in row.Tags)
                    {
                        var q = tag.Parameters;
                        q[0].Value = ordering;
                        q[1].Value = t;
                        q[2].Value = row.SequenceNr;
                        q[3].Value = row.PersistenceId;
                        tag.ExecuteNonQuery();
                    }
                }
            }

            tx.Commit();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode != ConstraintViolation)
        {
            // The connection may be unusable (I/O error, closed database): the next batch opens a new one. After a
            // constraint failure it is fine (the transaction rolled back) and the write-by-write retry reuses it.
            _connection?.Dispose();
            _connection = null;
            throw;
        }
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null)
        {
            return _connection;
        }

        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        // As SqliteTuningInterceptor sets them for the plugin's connections: with WAL, NORMAL still survives a
        // process crash (kill -9); only an OS crash or power loss can lose the last transactions.
        cmd.CommandText = SqliteTuningInterceptor.ConnectionPragmas;
        cmd.ExecuteNonQuery();
        return _connection = connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in names)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        cmd.Prepare();
        return cmd;
    }

    private sealed class Write(IReadOnlyList<JournalWriteRow> rows)
    {
        public IReadOnlyList<JournalWriteRow> Rows { get; } = rows;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
