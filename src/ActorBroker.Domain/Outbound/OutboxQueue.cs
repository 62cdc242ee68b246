using ActorBroker.Hl7;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// The delivery logic of one destination's outbox, as a pure state machine: no clock (every call
/// takes <c>now</c>), no randomness of its own (jitter comes from the injected source), no I/O,
/// not thread-safe (its owner, one actor, calls it). At-least-once: an entry leaves only when an
/// AA/CA names its control id, or when an operator discards it.
/// <list type="bullet">
/// <item>Per-order FIFO: at most one message per order is in flight, and only the oldest
/// undelivered message of an order (its head) is ever sent; so a destination sees an order's
/// messages in order, a message again only until it is acknowledged.</item>
/// <item>No head-of-line blocking: orders are independent. A parked head holds back only the
/// later messages of its own order; they wait as Pending (they are not parked themselves: they
/// did nothing wrong, and releasing the head lets them flow in order). <see cref="Retry"/> or
/// <see cref="Discard"/> releases the head.</item>
/// <item>ACKs are matched by control id (MSA-2), never by order. An ACK for an id the queue does
/// not hold (a re-ACK of a delivered message) is ignored and counted. A late AA for a message
/// that timed out and waits for its resend still delivers it: the destination has it.</item>
/// <item>Backoff: see <see cref="OutboxPolicy.Backoff"/>. A lost connection sends in-flight messages
/// back to Pending, due at once and not counted against them, unless the policy says otherwise.</item>
/// </list>
/// </summary>
// IHE RAD TF-2 4.42 (procedure status to the order filler/placer); HL7 2.5.1 2.9 (acknowledgments)
public sealed class OutboxQueue
{
    private readonly Func<double> _jitter;
    private readonly Dictionary<string, Node> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Node> _byControlId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<Node>> _orders = new(StringComparer.Ordinal);
    private readonly SortedSet<Node> _ready = new(ReadyOrder.Instance);
    private readonly Dictionary<string, Node> _inFlight = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);
    private readonly Queue<string> _completedOrder = new();
    private long _sequence;
    private long _delivered;
    private long _retries;
    private long _ignoredAcks;
    private long _discarded;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    /// <param name="policy">Failure handling; must have no <see cref="OutboxPolicy.Problems"/>.</param>
    /// <param name="jitter">A source of values in [0, 1) for backoff jitter (Random.Shared.NextDouble, or a fixed sequence in tests).</param>
    public OutboxQueue(OutboxPolicy policy, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(jitter);
        var problems = policy.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"outbox policy: {string.Join("; ", problems)}", nameof(policy));
        }

        Policy = policy;
        _jitter = jitter;
    }

    public OutboxPolicy Policy { get; }

    /// <summary>Messages not yet delivered (pending, in flight, parked).</summary>
    public int Depth => _byId.Count;

    public int InFlightCount => _inFlight.Count;

    /// <summary>Every entry in queue order (enqueue order; an order's entries in their FIFO order).</summary>
    public IEnumerable<OutboxEntry> Entries => _byId.Values.OrderBy(n => n.Sequence).Select(n => n.Entry);

    /// <summary>Rebuilds a queue: entries keep their order; in-flight ones are pending again, due at once (their connection is gone).</summary>
    public static OutboxQueue FromSnapshot(OutboxPolicy policy, Func<double> jitter, OutboxSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var queue = new OutboxQueue(policy, jitter);
        foreach (var id in snapshot.CompletedIds)
        {
            queue.Remember(id);
        }

        foreach (var entry in snapshot.Entries)
        {
            queue.Enqueue(entry.State == OutboxEntryState.InFlight
                ? entry with { State = OutboxEntryState.Pending, SentAt = null, NextAttemptAt = entry.SentAt ?? entry.NextAttemptAt }
                : entry);
        }

        var c = snapshot.Counters;
        (queue._delivered, queue._retries, queue._ignoredAcks, queue._discarded, queue._lastError, queue._lastErrorAt) =
            (c.Delivered, c.TotalRetries, c.IgnoredAcks, c.Discarded, c.LastError, c.LastErrorAt);
        return queue;
    }

    /// <summary>What <see cref="FromSnapshot"/> needs.</summary>
    public OutboxSnapshot ToSnapshot() => new([.. Entries], Counters, [.. _completedOrder]);

    public OutboxCounters Counters => new(_delivered, _retries, _ignoredAcks, _discarded, _lastError, _lastErrorAt);

    public OutboxEntry? Find(string id) => _byId.GetValueOrDefault(id)?.Entry;

    /// <summary>One order's entries, head first.</summary>
    public IReadOnlyList<OutboxEntry> EntriesOf(string orderKey) =>
        _orders.TryGetValue(orderKey, out var list) ? [.. list.Select(n => n.Entry)] : [];

    /// <summary>
    /// Adds an entry at the end of its order. Idempotent by Id: false (and nothing changes) when
    /// the id is queued, or was delivered or discarded recently (see <see cref="OutboxPolicy.RememberCompleted"/>).
    /// An entry given as InFlight is taken as Pending. Throws when another queued entry has the same control id.
    /// </summary>
    public bool Enqueue(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        ArgumentException.ThrowIfNullOrEmpty(entry.MessageControlId);
        ArgumentNullException.ThrowIfNull(entry.OrderKey);
        ArgumentNullException.ThrowIfNull(entry.Payload);
        if (_byId.ContainsKey(entry.Id) || _completed.Contains(entry.Id))
        {
            return false;
        }

        if (_byControlId.TryGetValue(entry.MessageControlId, out var clash))
        {
            throw new ArgumentException($"control id {entry.MessageControlId} of entry {entry.Id} is already that of entry {clash.Entry.Id}: ACKs could not tell them apart", nameof(entry));
        }

        if (entry.State == OutboxEntryState.InFlight)
        {
            entry = entry with { State = OutboxEntryState.Pending, SentAt = null };
        }

        var node = new Node(entry, ++_sequence);
        if (!_orders.TryGetValue(entry.OrderKey, out var list))
        {
            list = new LinkedList<Node>();
            _orders.Add(entry.OrderKey, list);
        }

        node.Position = list.AddLast(node);
        _byId.Add(entry.Id, node);
        _byControlId.Add(entry.MessageControlId, node);
        Index(node);
        return true;
    }

    /// <summary>
    /// The entries to send now, marked InFlight (Attempts + 1, SentAt = now): each order's head when
    /// it is pending and due, earliest due first (then oldest), while fewer than
    /// <paramref name="maxInFlight"/> are in flight overall.
    /// </summary>
    public IReadOnlyList<OutboxEntry> TakeDispatchable(DateTimeOffset now, int maxInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        var room = maxInFlight - _inFlight.Count;
        if (room <= 0 || _ready.Count == 0)
        {
            return [];
        }

        var due = new List<Node>(Math.Min(room, _ready.Count));
        foreach (var node in _ready)
        {
            if (node.Entry.NextAttemptAt > now || due.Count == room)
            {
                break;
            }

            due.Add(node);
        }

        var sent = new OutboxEntry[due.Count];
        for (var i = 0; i < due.Count; i++)
        {
            var entry = due[i].Entry;
            Update(due[i], entry with { State = OutboxEntryState.InFlight, Attempts = entry.Attempts + 1, SentAt = now });
            sent[i] = due[i].Entry;
        }

        return sent;
    }

    /// <summary>
    /// Applies an ACK, found by its MSA-2. AA/CA delivers; AE/CE and AR/CR follow the policy (a
    /// pending entry, one that timed out, is parked when the policy says park, else keeps its
    /// schedule; a parked one only records the error). Unknown ids are ignored and counted.
    /// </summary>
    public OutboxAckResult OnAck(string messageControlId, AckCode ackCode, string? text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messageControlId);
        if (!_byControlId.TryGetValue(messageControlId, out var node))
        {
            _ignoredAcks++;
            return new OutboxAckResult(OutboxAckOutcome.Ignored, null);
        }

        if (Policy.ActionFor(ackCode) is not { } action)
        {
            var delivered = node.Entry;
            Remove(node);
            _delivered++;
            return new OutboxAckResult(OutboxAckOutcome.Delivered, delivered);
        }

        var error = string.IsNullOrWhiteSpace(text) ? $"{ackCode} from the destination" : $"{ackCode}: {text.Trim()}";
        RecordError(error, now);
        var entry = node.Entry;
        switch (entry.State)
        {
            case OutboxEntryState.InFlight:
                return new OutboxAckResult(Fail(node, error, now, action), node.Entry);

            case OutboxEntryState.Pending when action == OutboxErrorAction.Park:
                Update(node, entry with { State = OutboxEntryState.Parked, LastError = error });
                return new OutboxAckResult(OutboxAckOutcome.Parked, node.Entry);

            case OutboxEntryState.Pending:
                Update(node, entry with { LastError = error });
                return new OutboxAckResult(OutboxAckOutcome.RetryScheduled, node.Entry);

            default:
                Update(node, entry with { LastError = error });
                return new OutboxAckResult(OutboxAckOutcome.Parked, node.Entry);
        }
    }

    /// <summary>In-flight entries sent at least AckTimeout ago go back to Pending with backoff (or are parked when out of attempts); returns them as they are now.</summary>
    public IReadOnlyList<OutboxEntry> OnTimeout(DateTimeOffset now)
    {
        var expired = _inFlight.Values
            .Where(n => n.Entry.SentAt is { } sent && now - sent >= Policy.AckTimeout)
            .OrderBy(n => n.Sequence)
            .ToList();
        foreach (var node in expired)
        {
            var error = $"no ACK within {Policy.AckTimeout.TotalSeconds:0.###} s";
            RecordError(error, now);
            Fail(node, error, now, OutboxErrorAction.Retry);
        }

        return [.. expired.Select(n => n.Entry)];
    }

    /// <summary>Every in-flight entry goes back to Pending (see <see cref="OutboxPolicy.ConnectionLossIsFailure"/>); returns them as they are now.</summary>
    public IReadOnlyList<OutboxEntry> OnConnectionLost(DateTimeOffset now, string reason = "connection lost")
    {
        ArgumentNullException.ThrowIfNull(reason);
        var lost = _inFlight.Values.OrderBy(n => n.Sequence).ToList();
        if (lost.Count > 0)
        {
            RecordError(reason, now);
        }

        foreach (var node in lost)
        {
            if (Policy.ConnectionLossIsFailure)
            {
                Fail(node, reason, now, OutboxErrorAction.Retry);
            }
            else
            {
                _retries++;
                Update(node, node.Entry with { State = OutboxEntryState.Pending, SentAt = null, NextAttemptAt = now, LastError = reason });
            }
        }

        return [.. lost.Select(n => n.Entry)];
    }

    /// <summary>
    /// Operator: sends a parked entry again (pending, due now, with a fresh attempt budget), or
    /// cuts a pending entry's backoff short. Null when the id is not queued; an in-flight entry is returned unchanged.
    /// </summary>
    public OutboxEntry? Retry(string id, DateTimeOffset now)
    {
        if (!_byId.TryGetValue(id, out var node))
        {
            return null;
        }

        var entry = node.Entry;
        switch (entry.State)
        {
            case OutboxEntryState.Parked:
                Update(node, entry with { State = OutboxEntryState.Pending, Attempts = 0, NextAttemptAt = now });
                break;
            case OutboxEntryState.Pending:
                Update(node, entry with { NextAttemptAt = now });
                break;
        }

        return node.Entry;
    }

    /// <summary>Operator: removes an entry whatever its state (a later ACK for it is ignored); its order's next message may go. Null when the id is not queued.</summary>
    public OutboxEntry? Discard(string id)
    {
        if (!_byId.TryGetValue(id, out var node))
        {
            return null;
        }

        Remove(node);
        _discarded++;
        return node.Entry;
    }

    /// <summary>
    /// When the owner should call again: the earliest of the first due retry (only while fewer
    /// than <paramref name="maxInFlight"/> are in flight: otherwise an ACK or timeout comes first)
    /// and the first ACK timeout. Null when nothing is waiting on time.
    /// </summary>
    public DateTimeOffset? NextDueAt(int maxInFlight)
    {
        DateTimeOffset? next = null;
        if (_inFlight.Count < maxInFlight && _ready.Count > 0)
        {
            next = _ready.Min!.Entry.NextAttemptAt;
        }

        foreach (var node in _inFlight.Values)
        {
            var timeout = node.Entry.SentAt!.Value + Policy.AckTimeout;
            if (next is null || timeout < next)
            {
                next = timeout;
            }
        }

        return next;
    }

    public OutboxMetrics Metrics(DateTimeOffset now)
    {
        int pending = 0, parked = 0, waiting = 0;
        var oldest = (DateTimeOffset?)null;
        foreach (var node in _byId.Values)
        {
            var entry = node.Entry;
            pending += entry.State == OutboxEntryState.Pending ? 1 : 0;
            parked += entry.State == OutboxEntryState.Parked ? 1 : 0;
            if (oldest is null || entry.EnqueuedAt < oldest)
            {
                oldest = entry.EnqueuedAt;
            }
        }

        foreach (var list in _orders.Values)
        {
            if (list.First!.Value.Entry.State == OutboxEntryState.Parked)
            {
                waiting += list.Skip(1).Count(n => n.Entry.State == OutboxEntryState.Pending);
            }
        }

        var age = oldest is { } o && now > o ? now - o : TimeSpan.Zero;
        return new OutboxMetrics(
            _byId.Count, pending, _inFlight.Count, parked, waiting, _orders.Count, age,
            _delivered, _retries, _ignoredAcks, _discarded, _lastError, _lastErrorAt);
    }

    // A failed send: retried after a backoff, or parked when the action says so or the attempts are spent.
    private OutboxAckOutcome Fail(Node node, string error, DateTimeOffset now, OutboxErrorAction action)
    {
        var entry = node.Entry;
        var exhausted = Policy.MaxAttempts > 0 && entry.Attempts >= Policy.MaxAttempts;
        if (action == OutboxErrorAction.Park || exhausted)
        {
            var why = action == OutboxErrorAction.Park ? error : $"{error} (parked after {entry.Attempts} attempts)";
            Update(node, entry with { State = OutboxEntryState.Parked, SentAt = null, LastError = why });
            return OutboxAckOutcome.Parked;
        }

        _retries++;
        var delay = Policy.Backoff(entry.Attempts, _jitter());
        Update(node, entry with { State = OutboxEntryState.Pending, SentAt = null, NextAttemptAt = now + delay, LastError = error });
        return OutboxAckOutcome.RetryScheduled;
    }

    // Every state change goes through here, so the ready set and the in-flight index stay exact.
    // The ready set orders by the entry's fields: take the node out before they change.
    private void Update(Node node, OutboxEntry updated)
    {
        Unindex(node);
        node.Entry = updated;
        Index(node);
    }

    private void Index(Node node)
    {
        switch (node.Entry.State)
        {
            case OutboxEntryState.InFlight:
                _inFlight[node.Entry.Id] = node;
                break;
            case OutboxEntryState.Pending when node.Position!.Previous is null:
                _ready.Add(node);
                break;
        }
    }

    private void Unindex(Node node)
    {
        _ready.Remove(node);
        _inFlight.Remove(node.Entry.Id);
    }

    private void Remove(Node node)
    {
        Unindex(node);
        var list = _orders[node.Entry.OrderKey];
        var wasHead = node.Position!.Previous is null;
        list.Remove(node.Position);
        if (list.Count == 0)
        {
            _orders.Remove(node.Entry.OrderKey);
        }
        else if (wasHead)
        {
            Index(list.First!.Value);
        }

        _byId.Remove(node.Entry.Id);
        _byControlId.Remove(node.Entry.MessageControlId);
        Remember(node.Entry.Id);
    }

    private void Remember(string id)
    {
        if (Policy.RememberCompleted == 0 || !_completed.Add(id))
        {
            return;
        }

        _completedOrder.Enqueue(id);
        while (_completedOrder.Count > Policy.RememberCompleted)
        {
            _completed.Remove(_completedOrder.Dequeue());
        }
    }

    private void RecordError(string error, DateTimeOffset now)
    {
        _lastError = error;
        _lastErrorAt = now;
    }

    private sealed class Node(OutboxEntry entry, long sequence)
    {
        public OutboxEntry Entry { get; set; } = entry;

        public long Sequence { get; } = sequence;

        public LinkedListNode<Node>? Position { get; set; }
    }

    private sealed class ReadyOrder : IComparer<Node>
    {
        public static readonly ReadyOrder Instance = new();

        public int Compare(Node? x, Node? y)
        {
            var byTime = x!.Entry.NextAttemptAt.CompareTo(y!.Entry.NextAttemptAt);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
