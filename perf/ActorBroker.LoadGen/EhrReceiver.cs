using System.Collections.Concurrent;
using System.Diagnostics;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// The EHR end of an MPPS or report run, in process: an MLLP handler that answers every frame AA and records,
/// per pair, when the first ORC-5 IP, the first ORC-5 CM (status messages) and the first final result
/// (ORU^R01 with OBR-25 F) for its order arrived (Stopwatch timestamps).
/// The order is found by OBR-18 (accession), else ORC-3, OBR-3, ORC-2, OBR-2 (filler/placer numbers).
/// Counts what an EHR interface would complain about: the same MSH-10 twice, a status repeated under a
/// new MSH-10, CM before IP, other statuses (DC ...), ORC-1 other than SC, messages for unknown orders,
/// a final result repeated under a new MSH-10, results other than F.
/// </summary>
// HL7 2.5.1 4.5.1 ORC (ORC-1 table 0119 SC, ORC-5 table 0038 IP/CM), 7.3.1 ORU^R01 and 4.5.3 OBR-25 (table 0123 F),
// 2.9.2 original-mode ACK (MSA-2 = MSH-10)
internal sealed class EhrReceiver : IMllpHandler
{
    private readonly Dictionary<string, int> _pairs;
    private readonly ConcurrentDictionary<string, byte> _controlIds = new(StringComparer.Ordinal);
    private readonly int[] _complete;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messages;
    private long _duplicates;
    private long _repeated;
    private long _unknown;
    private long _otherStatus;
    private long _notSc;
    private long _outOfOrder;
    private long _unparsable;
    private long _frameErrors;
    private long _reports;
    private long _repeatedReports;
    private long _notFinalReports;
    private int _completed;

    public EhrReceiver(IReadOnlyList<MppsPair> pairs)
    {
        // The broker may upper-case accessions (site setting accession.upper-case): match case-insensitively.
        _pairs = new Dictionary<string, int>(pairs.Count * 2, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            _pairs[pair.Accession] = pair.Index;
            _pairs[pair.Placer] = pair.Index;
        }

        IpAt = new long[pairs.Count];
        CmAt = new long[pairs.Count];
        ReportAt = new long[pairs.Count];
        _complete = new int[pairs.Count];
    }

    /// <summary>Stopwatch timestamp of the first ORC-5 IP per pair; 0 = none yet.</summary>
    public long[] IpAt { get; }

    /// <summary>Stopwatch timestamp of the first ORC-5 CM per pair; 0 = none yet.</summary>
    public long[] CmAt { get; }

    /// <summary>Stopwatch timestamp of the first ORU^R01 with OBR-25 F per pair; 0 = none yet.</summary>
    public long[] ReportAt { get; }

    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Frames whose MSH-10 was seen before (a resend after a lost or late ACK).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>IP or CM for a pair that already had it, under a new MSH-10.</summary>
    public long Repeated => Interlocked.Read(ref _repeated);

    public long Unknown => Interlocked.Read(ref _unknown);

    public long OtherStatus => Interlocked.Read(ref _otherStatus);

    public long NotSc => Interlocked.Read(ref _notSc);

    public long OutOfOrder => Interlocked.Read(ref _outOfOrder);

    public long Unparsable => Interlocked.Read(ref _unparsable);

    public long FrameErrors => Interlocked.Read(ref _frameErrors);

    /// <summary>ORU^R01 messages for known orders (first MSH-10 only).</summary>
    public long Reports => Interlocked.Read(ref _reports);

    /// <summary>A final result for a pair that already had one, under a new MSH-10.</summary>
    public long RepeatedReports => Interlocked.Read(ref _repeatedReports);

    /// <summary>ORU^R01 whose OBR-25 is not F (P, C, ...).</summary>
    public long NotFinalReports => Interlocked.Read(ref _notFinalReports);

    /// <summary>Pairs with both IP and CM.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Completes at the next recorded IP, CM or final result (a pulse: ask again after it).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    public ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _messages);
        if (!Hl7Message.TryParse(frame, out var message, out _))
        {
            Interlocked.Increment(ref _unparsable);
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.BuildForUnparsable(frame.Span, AckCode.AR, "not HL7"));
        }

        var ack = Hl7AckBuilder.Build(message, AckCode.AA);
        if (!_controlIds.TryAdd(message.MessageControlId, 0))
        {
            Interlocked.Increment(ref _duplicates);
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(ack);
        }

        Record(message, now);
        return ValueTask.FromResult<ReadOnlyMemory<byte>>(ack);
    }

    public void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar) =>
        Interlocked.Increment(ref _frameErrors);

    /// <summary>
    /// Returns when <paramref name="done"/> holds for every pair in <paramref name="pairs"/>, or after
    /// <paramref name="timeout"/> (what is still missing is then the caller's to report).
    /// </summary>
    public async Task WaitAsync(IEnumerable<int> pairs, Func<int, bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var remaining = pairs.ToList();
        var expiry = Task.Delay(timeout, ct);
        while (true)
        {
            var changed = Changed; // before the check, so an arrival during the check is not missed
            remaining.RemoveAll(i => done(i));
            if (remaining.Count == 0 || await Task.WhenAny(changed, expiry) == expiry)
            {
                ct.ThrowIfCancellationRequested();
                return;
            }
        }
    }

    private void Record(Hl7Message message, long now)
    {
        var orc = message.Find("ORC");
        var obr = message.Find("OBR");
        if (orc is not { } o || FindPair(o, obr) is not { } pair)
        {
            Interlocked.Increment(ref _unknown);
            return;
        }

        if (message.MessageType == "ORU")
        {
            RecordReport(obr?.Get(25), pair, now);
            return;
        }

        if (o.Get(1) != "SC")
        {
            Interlocked.Increment(ref _notSc);
        }

        switch (o.Get(5))
        {
            case "IP":
                if (Interlocked.CompareExchange(ref IpAt[pair], now, 0) != 0)
                {
                    Interlocked.Increment(ref _repeated);
                }

                break;
            case "CM":
                if (Interlocked.CompareExchange(ref CmAt[pair], now, 0) != 0)
                {
                    Interlocked.Increment(ref _repeated);
                }
                else if (Volatile.Read(ref IpAt[pair]) == 0)
                {
                    Interlocked.Increment(ref _outOfOrder);
                }

                break;
            default:
                Interlocked.Increment(ref _otherStatus);
                return;
        }

        if (Volatile.Read(ref IpAt[pair]) != 0 && Volatile.Read(ref CmAt[pair]) != 0 && Interlocked.Exchange(ref _complete[pair], 1) == 0)
        {
            Interlocked.Increment(ref _completed);
        }

        Pulse();
    }

    // A result (ORC-1 RE, ORC-5 CM: the order is complete) is not a status message: only OBR-25 counts.
    private void RecordReport(string? resultStatus, int pair, long now)
    {
        Interlocked.Increment(ref _reports);
        if (resultStatus != "F")
        {
            Interlocked.Increment(ref _notFinalReports);
            return;
        }

        if (Interlocked.CompareExchange(ref ReportAt[pair], now, 0) != 0)
        {
            Interlocked.Increment(ref _repeatedReports);
            return;
        }

        Pulse();
    }

    private void Pulse() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private int? FindPair(Hl7Segment orc, Hl7Segment? obr)
    {
        string?[] candidates = [obr?.Get(18), orc.Get(3), obr?.Get(3), orc.Get(2), obr?.Get(2)];
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && _pairs.TryGetValue(candidate, out var pair))
            {
                return pair;
            }
        }

        return null;
    }
}
