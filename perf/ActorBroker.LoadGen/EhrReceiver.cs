using System.Collections.Concurrent;
using System.Diagnostics;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// The EHR end of an MPPS run, in process: an MLLP handler that answers every frame AA and records, per
/// pair, when the first ORC-5 IP and the first ORC-5 CM for its order arrived (Stopwatch timestamps).
/// The order is found by OBR-18 (accession), else ORC-3, OBR-3, ORC-2, OBR-2 (filler/placer numbers).
/// Counts what an EHR interface would complain about: the same MSH-10 twice, a status repeated under a
/// new MSH-10, CM before IP, other statuses (DC ...), ORC-1 other than SC, messages for unknown orders.
/// </summary>
// HL7 2.5.1 4.5.1 ORC (ORC-1 table 0119 SC, ORC-5 table 0038 IP/CM), 2.9.2 original-mode ACK (MSA-2 = MSH-10)
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
        _complete = new int[pairs.Count];
    }

    /// <summary>Stopwatch timestamp of the first ORC-5 IP per pair; 0 = none yet.</summary>
    public long[] IpAt { get; }

    /// <summary>Stopwatch timestamp of the first ORC-5 CM per pair; 0 = none yet.</summary>
    public long[] CmAt { get; }

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

    /// <summary>Pairs with both IP and CM.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Completes at the next recorded IP or CM (a pulse: ask again after it).</summary>
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

    private void Record(Hl7Message message, long now)
    {
        var orc = message.Find("ORC");
        var obr = message.Find("OBR");
        if (orc is not { } o || FindPair(o, obr) is not { } pair)
        {
            Interlocked.Increment(ref _unknown);
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

        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

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
