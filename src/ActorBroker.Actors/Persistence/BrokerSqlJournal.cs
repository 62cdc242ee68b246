using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Serialization;
using Akka.Util;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Journal;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal (its tables, replays, deletes, queries and snapshot store) with its two hottest
/// statements done in plain ADO.NET instead of through linq2db, which builds each of them anew per call:
/// <list type="bullet">
/// <item>the highest sequence number of a persistence id, which every entity asks for when it starts (for a new
/// order, study or MPPS instance the only query before its first write): <see cref="JournalSequenceReader"/>;</item>
/// <item>on SQLite, the writes: rows serialized exactly as the plugin serializes them, inserted by
/// <see cref="SqliteJournalWriter"/> (one writer, group commit, statements prepared once per transaction).</item>
/// </list>
/// Like the plugin, a sequence-number read first waits for a write of that id still in flight (an entity restarted
/// after a failed or timed-out persist must not start from below its last write); the plugin keeps that map private,
/// so this class keeps its own from the same calls. With a table mapping, tag mode or delete-compatibility mode these
/// do not know, the plugin's own statements are used.
/// </summary>
public sealed class BrokerSqlJournal : SqlWriteJournal
{
    private static long _directReads;
    private static long _directWrites;

    private const int PruneThreshold = 1024;

    private readonly Dictionary<string, Task> _writes = new(StringComparer.Ordinal);
    private readonly JournalSequenceReader? _sequences;
    private readonly SqliteJournalWriter? _writer;
    private readonly string _writerUuid = Guid.NewGuid().ToString("N");
    private int _pruneAt = PruneThreshold;

    public BrokerSqlJournal(Config journalConfig)
        : base(journalConfig)
    {
        var config = journalConfig.WithFallback(SqlPersistence.DefaultJournalConfiguration);
        var plainTables = string.Equals(config.GetString("table-mapping"), "default", StringComparison.OrdinalIgnoreCase)
            && !config.GetBoolean("delete-compatibility-mode")
            && string.Equals(config.GetString("default.journal.table-name"), "journal", StringComparison.Ordinal);
        var provider = config.GetString("provider-name");
        var connectionString = config.GetString("connection-string");
        var db = plainTables ? JournalConnection.For(provider, connectionString) : null;
        _sequences = db is null ? null : new JournalSequenceReader(db);
        var tagTable = string.Equals(config.GetString("tag-write-mode"), "TagTable", StringComparison.OrdinalIgnoreCase);
        _writer = db is { IsSqlite: true } && tagTable
            ? new SqliteJournalWriter(connectionString, Math.Max(1, config.GetInt("batch-size", 500)))
            : null;
    }

    /// <summary>Events written by <see cref="SqliteJournalWriter"/> so far in this process (tests check the broker's setup does).</summary>
    public static long DirectWrites => Interlocked.Read(ref _directWrites);

    /// <summary>Highest sequence numbers read directly so far in this process (tests check the broker's setup does).</summary>
    public static long DirectReads => Interlocked.Read(ref _directReads);

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_sequences is null)
        {
            return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
        }

        // Runs on the journal's thread up to the first await, as the plugin's own check does.
        if (_writes.TryGetValue(persistenceId, out var inFlight) && !inFlight.IsCompleted)
        {
            // Its outcome does not matter here, only that it has finished.
            await inFlight.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        Interlocked.Increment(ref _directReads);
        return await _sequences.HighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var list = messages as IReadOnlyList<AtomicWrite> ?? messages.ToList();
        var write = _writer is null ? base.WriteMessagesAsync(list, cancellationToken) : WriteDirectly(list);
        if (list.Count > 0)
        {
            _writes[list[0].PersistenceId] = write;
            if (_writes.Count >= _pruneAt)
            {
                PruneFinishedWrites();
            }
        }

        return write;
    }

    // The map only has to answer "is a write of this id still in flight": finished writes are dropped in bulk, on
    // the journal's thread like every other use of the map, instead of each telling the journal when it ends (a
    // message and a continuation per write).
    private void PruneFinishedWrites()
    {
        foreach (var (id, write) in _writes)
        {
            if (write.IsCompleted)
            {
                _writes.Remove(id);
            }
        }

        _pruneAt = Math.Max(PruneThreshold, _writes.Count * 2);
    }

    protected override void PostStop()
    {
        // Lets the queued writes finish; their persistent actors have their answers before the system is gone.
        _writer?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        base.PostStop();
    }

    // As the plugin does: each atomic write is serialized on its own; one that cannot be serialized is rejected (the
    // actor gets a rejection, not a journal failure) and the others are written; all rows go in one transaction.
    private async Task<IImmutableList<Exception>> WriteDirectly(IReadOnlyList<AtomicWrite> writes)
    {
        var serialization = Context.System.Serialization;
        var system = (ExtendedActorSystem)Context.System;
        var created = DateTime.UtcNow.Ticks;
        var rows = new List<JournalWriteRow>();
        var rejections = new Exception?[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                // WithTransport: payloads that hold actor refs (sharding's own state) serialize them with this system's address.
                rows.AddRange(Akka.Serialization.Serialization.WithTransport(system, (Write: writes[i], Serialization: serialization, Created: created, Writer: _writerUuid), static s => Rows(s.Write, s.Serialization, s.Created, s.Writer)));
            }
            catch (Exception ex)
            {
                rejections[i] = ex;
            }
        }

        if (rows.Count > 0)
        {
            await _writer!.WriteAsync(rows);
            Interlocked.Add(ref _directWrites, rows.Count);
        }

        // One entry per atomic write, null where it was written (the plugin's answer has the same shape).
        return ImmutableList.CreateRange(rejections.Select(r => r!));
    }

    private static List<JournalWriteRow> Rows(AtomicWrite write, Akka.Serialization.Serialization serialization, long created, string writerUuid)
    {
        var events = (IImmutableList<IPersistentRepresentation>)write.Payload;
        var rows = new List<JournalWriteRow>(events.Count);
        foreach (var e in events)
        {
            var (payload, tags) = e.Payload is Tagged t ? (t.Payload, (IReadOnlyCollection<string>)t.Tags) : (e.Payload, []);
            var serializer = serialization.FindSerializerFor(payload);
            var manifest = serializer switch
            {
                SerializerWithStringManifest named => named.Manifest(payload),
                { IncludeManifest: true } => payload.GetType().TypeQualifiedName(),
                _ => string.Empty,
            };
            rows.Add(new JournalWriteRow(e.PersistenceId, e.SequenceNr, serializer.ToBinary(payload), manifest, serializer.Identifier, e.Timestamp == 0 ? created : e.Timestamp, writerUuid, tags));
        }

        return rows;
    }

}
