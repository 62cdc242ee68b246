using System.Diagnostics;
using System.Text;

namespace ActorBroker.LoadGen;

/// <summary>
/// One message per pair of a numbering, from a template (the ORM^O01 orders, the ORU^R01 reports), over a few
/// MLLP connections with a small pipeline each, every ACK awaited. Message <c>k</c> of connection <c>c</c> is
/// pair <c>k * connections + c</c> (see <see cref="MessageTemplate"/>), so the send time and the ACK of
/// each pair can be looked up afterwards.
/// </summary>
internal sealed class Hl7Batch
{
    private readonly ConnectionWorker[] _senders;

    private Hl7Batch(ConnectionWorker[] senders, int count, double seconds)
    {
        _senders = senders;
        Count = count;
        Seconds = seconds;
    }

    /// <summary>Messages in the batch (pairs 0..Count-1 of the numbering).</summary>
    public int Count { get; }

    public int Connections => _senders.Length;

    /// <summary>Connections opened, every message sent, every ACK (or give-up): wall clock.</summary>
    public double Seconds { get; }

    public long Aa => _senders.Sum(s => s.Aa);

    public long Ae => _senders.Sum(s => s.Ae);

    public long Ar => _senders.Sum(s => s.Ar);

    public long Other => _senders.Sum(s => s.Other);

    public long Timeouts => _senders.Sum(s => s.Timeouts);

    /// <summary>Sent -> ACK, over the messages that got one.</summary>
    public LatencyStats AckLatency => LatencyStats.FromTicks(_senders.SelectMany(s => s.LatencyTicks).Where(t => t >= 0));

    /// <summary>
    /// Sends pair 0..<paramref name="count"/>-1 of <paramref name="numbering"/>, each written from
    /// <paramref name="template"/> (MSH-10 <c>LG{run}C{connection}N{k}</c>, placer, accession, Study UID from the numbering).
    /// </summary>
    public static async Task<Hl7Batch> SendAsync(
        string host, int port, string template, MppsNumbering numbering, int count, int connections, int pipeline, TimeSpan timeout, int run, CancellationToken ct)
    {
        connections = Math.Clamp(connections, 1, Math.Max(count, 1));
        var writer = new MessageTemplate(Encoding.UTF8.GetBytes(template), uniqueOrders: true, numbering, connections);
        var load = new LoadGenOptions
        {
            Host = host,
            Port = port,
            Connections = connections,
            Messages = count,
            Pipeline = pipeline,
            Warmup = 0,
            Timeout = timeout,
        };
        var share = LoadRunner.Split(count, connections);
        var senders = Enumerable.Range(0, connections).Select(c => new ConnectionWorker(load, writer, run, c, share[c])).ToArray();
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(senders.Select(s => s.RunAsync(null, 0, ct)));
        return new Hl7Batch(senders, count, Stopwatch.GetElapsedTime(begin).TotalSeconds);
    }

    /// <summary>Stopwatch timestamp when pair <paramref name="pair"/>'s message was sent; 0 = never.</summary>
    public long SentAt(int pair) => _senders[pair % Connections].SentAt[pair / Connections];

    /// <summary>Pair <paramref name="pair"/>'s message got AA (or CA).</summary>
    public bool Accepted(int pair) => _senders[pair % Connections].Accepted[pair / Connections];

    public MppsOrderResult ToOrderResult() => new(Count, Aa, Ae, Ar, Other, Timeouts, Seconds);
}
