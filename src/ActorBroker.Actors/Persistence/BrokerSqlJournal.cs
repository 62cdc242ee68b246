using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Sql;
using Akka.Persistence.Sql.Journal;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Akka.Persistence.Sql's journal with one read replaced: the highest sequence number of a persistence id, which every
/// entity asks for when it starts (for a new order, study or MPPS instance the only query before its first write),
/// is read by <see cref="JournalSequenceReader"/> in plain ADO.NET instead of through linq2db. Writes, replays and the
/// rest are the plugin's. Like the plugin, it first waits for a write of that id still in flight (an entity restarted
/// after a failed or timed-out persist must not start from below its last write); the plugin keeps that map private,
/// so this class keeps its own from the same calls. With a table mapping or delete-compatibility mode the reader does
/// not know, the plugin's own read is used.
/// </summary>
public sealed class BrokerSqlJournal : SqlWriteJournal
{
    private static long _directReads;

    private readonly Dictionary<string, Task> _writes = new(StringComparer.Ordinal);
    private readonly JournalSequenceReader? _sequences;

    public BrokerSqlJournal(Config journalConfig)
        : base(journalConfig)
    {
        var config = journalConfig.WithFallback(SqlPersistence.DefaultJournalConfiguration);
        var plainTables = string.Equals(config.GetString("table-mapping"), "default", StringComparison.OrdinalIgnoreCase)
            && !config.GetBoolean("delete-compatibility-mode")
            && string.Equals(config.GetString("default.journal.table-name"), "journal", StringComparison.Ordinal);
        _sequences = plainTables
            ? new JournalSequenceReader(JournalConnection.For(config.GetString("provider-name"), config.GetString("connection-string")))
            : null;
    }

    /// <summary>Highest sequence numbers read directly so far in this process (tests check the broker's setup does).</summary>
    public static long DirectReads => Interlocked.Read(ref _directReads);

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_sequences is null)
        {
            return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
        }

        // Runs on the journal's thread up to the first await, as the plugin's own check does.
        if (_writes.TryGetValue(persistenceId, out var inFlight))
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
        var write = base.WriteMessagesAsync(list, cancellationToken);
        if (list.Count > 0)
        {
            var persistenceId = list[0].PersistenceId;
            _writes[persistenceId] = write;
            var self = Self;
            write.ContinueWith(t => self.Tell(new WriteDone(persistenceId, t), ActorRefs.NoSender), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return write;
    }

    protected override bool ReceivePluginInternal(object message)
    {
        if (message is WriteDone done)
        {
            if (_writes.TryGetValue(done.PersistenceId, out var latest) && ReferenceEquals(latest, done.Write))
            {
                _writes.Remove(done.PersistenceId);
            }

            return true;
        }

        return base.ReceivePluginInternal(message);
    }

    private sealed record WriteDone(string PersistenceId, Task Write);
}
