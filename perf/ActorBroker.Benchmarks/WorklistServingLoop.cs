using System.Diagnostics;
using System.Globalization;

namespace ActorBroker.Benchmarks;

/// <summary>
/// <c>--worklist-loop ITEMS QUERIES [THREADS] [WARM-UP-SECONDS]</c>: the steady state of a worklist SCP answering modality + date
/// queries back to back (<see cref="StreamedFind"/>: the real dispatcher and writer; parsing, index, matching,
/// responses written into gathered PDUs, minus the socket) on THREADS threads at once, each its own association. Prints per-query p50/p95/p99/max over all
/// threads, queries/s, the garbage collections that happened while measuring (they are part of the latency), and the
/// CPU time the process got (on a shared machine: queries per CPU-second says what the code costs, queries/s what it got).
/// BenchmarkDotNet's per-iteration harness measures one query per iteration; this measures thousands in a row.
/// Warm-up (default 3 s, every thread querying): a broker's worklist runs for hours, so the figures are those of
/// tier-1 code. With 50 warm-up queries, as before session 5, a 4,000-query run spent most of its ~2 s in tier-0
/// and instrumented code (1,190 queries per CPU-second against ~2,000 after the JIT had finished).
/// </summary>
internal static class WorklistServingLoop
{
    public static int Run(string[] args)
    {
        var items = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
        var threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var warmUp = TimeSpan.FromSeconds(args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 3);
        using var index = WorklistBenchmarkData.Index(WorklistBenchmarkData.Orders(items));
        var query = WorklistBenchmarkData.Query(modality: "CT", date: "20261128");

        // Warm-up: JIT, the index's sorted buckets, every matching entry's encodings.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var warm = new StreamedFind();
        var matches = 0;
        for (var i = 0; i < 50; i++) matches = warm.Run(index, query);

        // What answering kept beside the matching entries (their encodings), per matching item.
        var keptPerMatch = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (double)Math.Max(1, matches);

        // Then until the JIT has compiled the serving path at tier 1 (the broker's steady state), on every thread.
        var warmUpClock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            var find = new StreamedFind();
            while (warmUpClock.Elapsed < warmUp) find.Run(index, query);
        });

        // The index's answer is a full scan's (what the figures are worth depends on it).
        var scanned = index.All().Count(e => query.Matches(e.Entry));
        if (scanned != matches) throw new InvalidOperationException($"the index returned {matches} items, a full scan matches {scanned}");

        var latencies = new double[threads][];
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var find = new StreamedFind();
            var mine = new double[queries / threads];
            for (var i = 0; i < mine.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                find.Run(index, query);
                mine[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            latencies[t] = mine;
        });
        total.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worklist loop: {items:N0} items, modality+date ({matches:N0} matches), {all.Length:N0} queries on {threads} thread(s) after {warmUp.TotalSeconds:N0} s of warm-up: " +
            $"{all.Length / total.Elapsed.TotalSeconds:N0} queries/s; per query p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {all[^1]:F2} ms; " +
            $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; " +
            $"kept per answered item {keptPerMatch:N0} bytes; CPU {cpuSeconds:F2} s of {threads * total.Elapsed.TotalSeconds:F2} s available ({all.Length / cpuSeconds:N0} queries per CPU-second)"));
        return 0;
    }
}
