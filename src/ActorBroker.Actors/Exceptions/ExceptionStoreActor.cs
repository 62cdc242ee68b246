using Akka.Actor;
using Akka.Event;
using Akka.Persistence;

namespace ActorBroker.Actors.Exceptions;

/// <summary>
/// The persistent store of everything that failed (a cluster singleton): every record is a journaled
/// event with the raw payload, so it survives restarts and can be inspected and replayed with abctl.
/// </summary>
public sealed class ExceptionStoreActor : ReceivePersistentActor
{
    public const string Name = "exceptions";

    // Only the newest records are kept in memory; all stay in the journal.
    private const int MaxInMemory = 5_000;

    private readonly TimeProvider _time;
    private readonly LinkedList<ExceptionRecord> _records = new();
    private readonly Dictionary<string, LinkedListNode<ExceptionRecord>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByDedupKey = new(StringComparer.Ordinal);
    private long _nextNumber = 1;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public ExceptionStoreActor(TimeProvider time)
    {
        _time = time;
        Recover<ExceptionRaised>(Apply);
        Recover<ExceptionRepeated>(Apply);
        Command<RecordException>(Handle);
        Command<ListExceptions>(q =>
        {
            var list = _records.Reverse().Take(Math.Max(1, q.Limit)).ToList();
            Sender.Tell(new ExceptionList(list, _records.Count));
        });
        Command<GetException>(q => Sender.Tell(new ExceptionLookup(_byId.TryGetValue(q.Id, out var n) ? n.Value : null)));
    }

    public override string PersistenceId => "exceptions";

    public static Props GetProps(TimeProvider time) => Props.Create(() => new ExceptionStoreActor(time));

    private void Handle(RecordException cmd)
    {
        var now = _time.GetUtcNow();
        var dedupKey = ExceptionRecord.KeyFor(cmd.Source, cmd.MessageControlId, cmd.Reason);
        var sender = Sender;
        if (cmd.MessageControlId is not null && _idByDedupKey.TryGetValue(dedupKey, out var existingId))
        {
            Persist(new ExceptionRepeated(existingId, now), e =>
            {
                Apply(e);
                sender.Tell(new ExceptionStored(existingId, Repeated: true));
            });
            return;
        }

        var record = new ExceptionRecord(
            Id: $"EX-{_nextNumber:D6}",
            Timestamp: now,
            Source: cmd.Source,
            Reason: cmd.Reason,
            Location: cmd.Location,
            MessageType: cmd.MessageType,
            MessageControlId: cmd.MessageControlId,
            AckCode: cmd.AckCode,
            Remote: cmd.Remote,
            RawBase64: Convert.ToBase64String(cmd.Raw),
            RawLength: cmd.Raw.Length,
            Occurrences: 1,
            LastSeen: now);
        Persist(new ExceptionRaised(record), e =>
        {
            Apply(e);
            // The reason names segment and field, never patient data: safe at Warning.
            _log.Warning("Exception {0} from {1}: {2} ({3})", record.Id, record.Source, record.Reason, record.Location ?? "-");
            sender.Tell(new ExceptionStored(record.Id, Repeated: false));
        });
    }

    private void Apply(ExceptionRaised e)
    {
        var node = _records.AddLast(e.Record);
        _byId[e.Record.Id] = node;
        _idByDedupKey[e.Record.DedupKey] = e.Record.Id;
        _nextNumber = Math.Max(_nextNumber, ParseNumber(e.Record.Id) + 1);
        while (_records.Count > MaxInMemory)
        {
            var first = _records.First!.Value;
            _records.RemoveFirst();
            _byId.Remove(first.Id);
            _idByDedupKey.Remove(first.DedupKey);
        }
    }

    private void Apply(ExceptionRepeated e)
    {
        if (_byId.TryGetValue(e.Id, out var node))
        {
            node.Value = node.Value with { Occurrences = node.Value.Occurrences + 1, LastSeen = e.At };
        }
    }

    private static long ParseNumber(string id) =>
        id.StartsWith("EX-", StringComparison.Ordinal) && long.TryParse(id.AsSpan(3), out var n) ? n : 0;
}
