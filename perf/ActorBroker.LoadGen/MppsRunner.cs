using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// <c>loadgen mpps</c>: start the EHR receiver, send the orders (and wait for their AAs), let the broker
/// settle, run the MPPS pairs over the workers' associations, then wait (up to --timeout-s) until the EHR
/// has the IP and CM that every successful N-CREATE and N-SET should cause, and report.
/// </summary>
internal static class MppsRunner
{
    private const int OrderPipeline = 8;

    public static async Task<MppsReport> RunAsync(MppsOptions options, CancellationToken ct)
    {
        var numbering = new MppsNumbering(options.AccessionPrefix, options.FirstNumber);
        var pairs = Enumerable.Range(0, options.TotalPairs).Select(i => MppsPair.Create(numbering, i)).ToArray();
        var ehr = options.NoEhr ? null : new EhrReceiver(pairs);
        await using var listener = ehr is null
            ? null
            : new MllpListener(MllpListenerOptions.Default with { Host = options.EhrBind, Port = options.EhrPort, IdleTimeout = TimeSpan.Zero, MaxInFlightPerConnection = 64 }, ehr);
        if (listener is not null)
        {
            await listener.StartAsync(ct);
            Progress($"EHR receiver listening on {listener.LocalEndPoint}");
        }

        MppsOrderResult? orders = null;
        if (options.OrdersFirst)
        {
            Progress($"sending {options.TotalPairs} orders ({options.WarmupPairs} for the warm-up) to {options.Host}:{options.Hl7Port}");
            orders = await SendOrdersAsync(options, numbering, ct);
            Progress($"orders: AA {orders.Aa}/{orders.Sent} in {orders.Seconds:F2} s; settling {options.Settle.TotalMilliseconds:F0} ms");
            await Task.Delay(options.Settle, ct);
        }

        var timeline = new MppsTimeline(options.TotalPairs);
        using var progressCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = ReportProgressAsync(options, timeline, ehr, progressCts.Token);
        var measured = pairs[options.WarmupPairs..];
        EhrCounts? before = null;
        var errorsBefore = 0L;
        try
        {
            if (options.WarmupPairs > 0)
            {
                var warmup = pairs[..options.WarmupPairs];
                Progress($"warm-up: {warmup.Length} pairs over {options.Associations} associations to {options.Host}:{options.DicomPort}");
                await RunPairsAsync(options, warmup, timeline, ehr, ct);
                before = ehr is null ? null : EhrCounts.From(ehr);
                errorsBefore = timeline.ErrorCount;
            }

            Progress($"MPPS: {measured.Length} pairs over {options.Associations} associations to {options.Host}:{options.DicomPort}");
            await RunPairsAsync(options, measured, timeline, ehr, ct);
        }
        finally
        {
            await progressCts.CancelAsync();
            await progress;
        }

        return BuildReport(options, orders, timeline, ehr, [.. measured.Select(p => p.Index)], before, errorsBefore);
    }

    // The workers share the pairs round robin; then the EHR gets up to --timeout-s for their IP and CM.
    private static async Task RunPairsAsync(MppsOptions options, MppsPair[] pairs, MppsTimeline timeline, EhrReceiver? ehr, CancellationToken ct)
    {
        var workers = Enumerable.Range(0, options.Associations)
            .Select(w => new MppsWorker(options, pairs.Where((_, k) => k % options.Associations == w).ToArray(), timeline))
            .ToArray();
        await Task.WhenAll(workers.Select(w => w.RunAsync(ct)));
        if (ehr is not null)
        {
            await WaitForEhrAsync(options, [.. pairs.Select(p => p.Index)], timeline, ehr, ct);
        }
    }

    private static async Task<MppsOrderResult> SendOrdersAsync(MppsOptions options, MppsNumbering numbering, CancellationToken ct)
    {
        var connections = Math.Min(options.OrderConnections, options.TotalPairs);
        var template = new MessageTemplate(Encoding.UTF8.GetBytes(MessageTemplate.BuiltInOrm), uniqueOrders: true, numbering, connections);
        var load = new LoadGenOptions
        {
            Host = options.Host,
            Port = options.Hl7Port,
            Connections = connections,
            Messages = options.TotalPairs,
            Pipeline = OrderPipeline,
            Warmup = 0,
            Timeout = options.Timeout,
        };
        var share = LoadRunner.Split(options.TotalPairs, connections);
        var run = Random.Shared.Next(0x1000, 0xFFFF);
        var senders = Enumerable.Range(0, connections).Select(c => new ConnectionWorker(load, template, run, c, share[c])).ToArray();
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(senders.Select(s => s.RunAsync(null, 0, ct)));
        return new MppsOrderResult(
            options.TotalPairs,
            senders.Sum(s => s.Aa),
            senders.Sum(s => s.Ae),
            senders.Sum(s => s.Ar),
            senders.Sum(s => s.Other),
            senders.Sum(s => s.Timeouts),
            Stopwatch.GetElapsedTime(begin).TotalSeconds);
    }

    // Every N-CREATE answered 0000 should bring an IP, every N-SET answered 0000 a CM.
    private static async Task WaitForEhrAsync(MppsOptions options, int[] indexes, MppsTimeline timeline, EhrReceiver ehr, CancellationToken ct)
    {
        var remaining = indexes
            .Where(i => timeline.CreateStatus[i] == 0 || timeline.SetStatus[i] == 0)
            .ToList();
        var timeout = Task.Delay(options.Timeout, ct);
        while (true)
        {
            var changed = ehr.Changed; // before the check, so an arrival during the check is not missed
            remaining.RemoveAll(i =>
                (timeline.CreateStatus[i] != 0 || Volatile.Read(ref ehr.IpAt[i]) != 0)
                && (timeline.SetStatus[i] != 0 || Volatile.Read(ref ehr.CmAt[i]) != 0));
            if (remaining.Count == 0 || await Task.WhenAny(changed, timeout) == timeout)
            {
                ct.ThrowIfCancellationRequested();
                return;
            }
        }
    }

    // Over the measured pairs only (indexes); the EHR counters less those of the warm-up (before).
    private static MppsReport BuildReport(MppsOptions options, MppsOrderResult? orders, MppsTimeline t, EhrReceiver? ehr, int[] indexes, EhrCounts? before, long errorsBefore)
    {
        var first = indexes.Select(i => t.CreateSent[i]).Where(x => x != 0).DefaultIfEmpty(0).Min();
        var dicomEnd = indexes.Select(i => Math.Max(t.SetDone[i], t.CreateDone[i])).DefaultIfEmpty(0).Max();
        var failures = indexes.Select(i => t.CreateStatus[i]).Concat(indexes.Select(i => t.SetStatus[i])).Where(s => s > 0)
            .GroupBy(s => s.ToString("X4", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var report = new MppsReport
        {
            Options = options,
            Orders = orders,
            DicomSeconds = Seconds(first, dicomEnd),
            CreateOk = indexes.Count(i => t.CreateStatus[i] == 0),
            SetOk = indexes.Count(i => t.SetStatus[i] == 0),
            FailureStatuses = failures,
            NoResponse = indexes.Count(i => (t.CreateSent[i] != 0 && t.CreateStatus[i] < 0) || (t.SetSent[i] != 0 && t.SetStatus[i] < 0)),
            NetworkErrors = t.ErrorCount - errorsBefore,
            ErrorSamples = t.Errors,
            CreateRtt = LatencyStats.FromTicks(indexes.Where(i => t.CreateDone[i] != 0).Select(i => t.CreateDone[i] - t.CreateSent[i])),
            SetRtt = LatencyStats.FromTicks(indexes.Where(i => t.SetDone[i] != 0).Select(i => t.SetDone[i] - t.SetSent[i])),
        };
        if (ehr is null)
        {
            return report;
        }

        var ipAt = ehr.IpAt;
        var cmAt = ehr.CmAt;
        var e2eEnd = indexes.Select(i => Math.Max(t.CreateStatus[i] == 0 ? ipAt[i] : 0, t.SetStatus[i] == 0 ? cmAt[i] : 0)).DefaultIfEmpty(0).Max();
        return report with
        {
            Ehr = true,
            EndToEndSeconds = Seconds(first, e2eEnd),
            EndToEndPairs = indexes.Count(i => ipAt[i] != 0 && cmAt[i] != 0),
            MissingIp = indexes.Count(i => ipAt[i] == 0),
            MissingCm = indexes.Count(i => cmAt[i] == 0),
            IpLatency = LatencyStats.FromTicks(indexes.Where(i => ipAt[i] != 0 && t.CreateSent[i] != 0).Select(i => ipAt[i] - t.CreateSent[i])),
            CmLatency = LatencyStats.FromTicks(indexes.Where(i => cmAt[i] != 0 && t.SetSent[i] != 0).Select(i => cmAt[i] - t.SetSent[i])),
            EhrCounts = before is null ? EhrCounts.From(ehr) : EhrCounts.From(ehr).Minus(before),
        };
    }

    private static double Seconds(long from, long to) => from == 0 || to <= from ? 0 : (to - from) / (double)Stopwatch.Frequency;

    private static async Task ReportProgressAsync(MppsOptions options, MppsTimeline timeline, EhrReceiver? ehr, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                var sets = timeline.SetsDone;
                Progress(ehr is null
                    ? $"{sets}/{options.TotalPairs} N-SET responses (warm-up included)"
                    : $"{sets}/{options.TotalPairs} N-SET responses (warm-up included); EHR: {ehr.IpAt.Count(x => x != 0)} IP, {ehr.CmAt.Count(x => x != 0)} CM, {ehr.Messages} messages");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Progress goes to stderr so that --json leaves stdout to the one JSON object.
    private static void Progress(string message) =>
        Console.Error.WriteLine($"mpps {DateTime.Now:HH:mm:ss}: {message}");
}
