using System.Diagnostics;

namespace ActorBroker.LoadGen;

/// <summary>Warm-up, then the measured run across all connections, then the report.</summary>
internal static class LoadRunner
{
    public static async Task<LatencyReport> RunAsync(LoadGenOptions options, CancellationToken ct)
    {
        var template = MessageTemplate.Load(options);
        var run = Random.Shared.Next(0x1000, 0xFFFF);
        var share = Split(options.Messages, options.Connections);

        if (options.Warmup > 0)
        {
            // Warm-up messages use sequence numbers past the measured ones so they are new orders too. With a rate
            // they come at that rate: a closed-loop burst first would leave the broker a backlog of orders to apply
            // (ACKed, not yet applied) that the measured open-loop run would then share the CPU with.
            var warm = Split(options.Warmup, options.Connections);
            var warmers = Enumerable.Range(0, options.Connections)
                .Select(c => new ConnectionWorker(options with { Pipeline = 1 }, template, run, c, warm[c]))
                .ToArray();
            var warmSchedule = Schedule(options, Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100));
            await Task.WhenAll(warmers.Select((w, c) => w.RunAsync(warmSchedule, share[c], ct)));
        }

        var workers = Enumerable.Range(0, options.Connections)
            .Select(c => new ConnectionWorker(options, template, run, c, share[c]))
            .ToArray();
        var schedule = Schedule(options, Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100)); // 10 ms for every worker to be ready
        var begin = Stopwatch.GetTimestamp();
        await Task.WhenAll(workers.Select(w => w.RunAsync(schedule, 0, ct)));
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;

        var latencies = workers.SelectMany(w => w.LatencyTicks).Where(t => t >= 0)
            .Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(latencies);
        return new LatencyReport(
            options.Messages,
            seconds,
            latencies,
            workers.Sum(w => w.Aa),
            workers.Sum(w => w.Ae),
            workers.Sum(w => w.Ar),
            workers.Sum(w => w.Other),
            workers.Sum(w => w.Timeouts),
            options.Connections,
            options.Pipeline,
            options.Rate);
    }

    // Open loop: message k of connection c is due at a fixed time from the start, whatever the answers do.
    private static Func<int, int, long>? Schedule(LoadGenOptions options, long started) =>
        options.Rate > 0
            ? (connection, k) => started + (long)(((k * (double)options.Connections) + connection) / options.Rate * Stopwatch.Frequency)
            : null;

    internal static int[] Split(int total, int parts) =>
        Enumerable.Range(0, parts).Select(i => (total / parts) + (i < total % parts ? 1 : 0)).ToArray();
}
