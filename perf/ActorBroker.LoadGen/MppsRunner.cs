using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// <c>loadgen mpps</c>: start the EHR receiver, send the orders (and wait for their AAs), let the broker
/// settle, run the MPPS pairs over the workers' associations, then wait (up to --timeout-s) until the EHR
/// has the IP and CM that every successful N-CREATE and N-SET should cause; then (--reports on) the
/// report phase (<see cref="OruRunner"/>); and report.
/// </summary>
internal static class MppsRunner
{
    private const int OrderPipeline = 8;

    // The broker's default link-thread-slice: the EHR stand-in's connection threads answer as promptly as its reader.
    private static readonly TimeSpan EhrSlice = TimeSpan.FromMilliseconds(0.1);

    public static async Task<MppsReport> RunAsync(MppsOptions options, CancellationToken ct)
    {
        var numbering = new MppsNumbering(options.AccessionPrefix, options.FirstNumber);
        var pairs = Enumerable.Range(0, options.TotalPairs).Select(i => MppsPair.Create(numbering, i)).ToArray();
        var ehr = options.NoEhr ? null : new EhrReceiver(pairs);
        using var threads = ehr is null || !options.EhrThreads ? null : new EhrThreadServer(options.EhrBind, options.EhrPort, ehr, EhrSlice);
        if (threads is not null)
        {
            ProgressLog.Write($"EHR receiver (a thread per connection) listening on {threads.LocalEndPoint}");
        }

        await using var listener = ehr is null || threads is not null
            ? null
            : new MllpListener(MllpListenerOptions.Default with { Host = options.EhrBind, Port = options.EhrPort, IdleTimeout = TimeSpan.Zero, MaxInFlightPerConnection = 64 }, ehr);
        if (listener is not null)
        {
            await listener.StartAsync(ct);
            ProgressLog.Write($"EHR receiver listening on {listener.LocalEndPoint}");
        }

        MppsOrderResult? orders = null;
        if (options.OrdersFirst)
        {
            ProgressLog.Write($"sending {options.TotalPairs} orders ({options.WarmupPairs} for the warm-up) to {options.Host}:{options.Hl7Port}");
            var batch = await Hl7Batch.SendAsync(
                options.Host, options.Hl7Port, MessageTemplate.BuiltInOrm, numbering, options.TotalPairs, options.OrderConnections, OrderPipeline, options.Timeout, Random.Shared.Next(0x1000, 0xFFFF), ct);
            orders = batch.ToOrderResult();
            ProgressLog.Write(string.Create(CultureInfo.InvariantCulture, $"orders: AA {orders.Aa}/{orders.Sent} in {orders.Seconds:F2} s; settling {options.Settle.TotalMilliseconds:F0} ms"));
            await Task.Delay(options.Settle, ct);
        }

        var report = options.Mpps
            ? await RunMppsAsync(options, pairs, orders, ehr, ct)
            : MppsReport.Skipped(options, orders);
        if (options.Reports && ehr is not null)
        {
            report = report with { Reports = await OruRunner.RunAsync(options, ehr, ct) };
        }

        return report;
    }

    // Warm-up pairs, then the measured ones; the EHR counters at the end of the MPPS phase (the report phase has its own).
    private static async Task<MppsReport> RunMppsAsync(MppsOptions options, MppsPair[] pairs, MppsOrderResult? orders, EhrReceiver? ehr, CancellationToken ct)
    {
        var timeline = new MppsTimeline(options.TotalPairs);
        var measured = pairs[options.WarmupPairs..];
        var (before, errorsBefore) = await ProgressLog.WhileAsync(
            () => Line(options, timeline, ehr),
            async () =>
            {
                EhrCounts? warmedUp = null;
                var warmupErrors = 0L;
                if (options.WarmupPairs > 0)
                {
                    var warmup = pairs[..options.WarmupPairs];
                    ProgressLog.Write($"warm-up: {warmup.Length} pairs over {options.Associations} associations to {options.Host}:{options.DicomPort}");
                    await RunPairsAsync(options, warmup, timeline, ehr, ct);
                    warmedUp = ehr is null ? null : EhrCounts.From(ehr);
                    warmupErrors = timeline.ErrorCount;
                }

                ProgressLog.Write($"MPPS: {measured.Length} pairs over {options.Associations} associations to {options.Host}:{options.DicomPort}");
                await RunPairsAsync(options, measured, timeline, ehr, ct);
                return (warmedUp, warmupErrors);
            },
            ct);
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
            // Every N-CREATE answered 0000 should bring an IP, every N-SET answered 0000 a CM.
            await ehr.WaitAsync(
                pairs.Select(p => p.Index).Where(i => timeline.CreateStatus[i] == 0 || timeline.SetStatus[i] == 0),
                i => (timeline.CreateStatus[i] != 0 || Volatile.Read(ref ehr.IpAt[i]) != 0) && (timeline.SetStatus[i] != 0 || Volatile.Read(ref ehr.CmAt[i]) != 0),
                options.Timeout,
                ct);
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

    /// <summary>Seconds between two Stopwatch timestamps; 0 when either is missing.</summary>
    internal static double Seconds(long from, long to) => from == 0 || to <= from ? 0 : (to - from) / (double)Stopwatch.Frequency;

    private static string Line(MppsOptions options, MppsTimeline timeline, EhrReceiver? ehr)
    {
        var sets = timeline.SetsDone;
        return ehr is null
            ? $"{sets}/{options.TotalPairs} N-SET responses (warm-up included)"
            : $"{sets}/{options.TotalPairs} N-SET responses (warm-up included); EHR: {ehr.IpAt.Count(x => x != 0)} IP, {ehr.CmAt.Count(x => x != 0)} CM, {ehr.Messages} messages";
    }
}
