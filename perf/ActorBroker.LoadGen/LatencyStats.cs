using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ActorBroker.LoadGen;

/// <summary>Count and nearest-rank percentiles (ms) of a set of Stopwatch intervals.</summary>
internal sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max)
{
    public static LatencyStats FromTicks(IEnumerable<long> ticks)
    {
        var ms = ticks.Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(ms);
        return new LatencyStats(ms.Length, Rank(ms, 50), Rank(ms, 95), Rank(ms, 99), Rank(ms, 100));
    }

    public string ToText() => Count == 0
        ? "no samples"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {P50:F1} ms  p95 {P95:F1} ms  p99 {P99:F1} ms  max {Max:F1} ms  (n {Count})");

    public JsonObject ToJson() => new()
    {
        ["n"] = Count,
        ["p50Ms"] = Number(P50),
        ["p95Ms"] = Number(P95),
        ["p99Ms"] = Number(P99),
        ["maxMs"] = Number(Max),
    };

    private static JsonNode? Number(double value) => double.IsNaN(value) ? null : JsonValue.Create(Math.Round(value, 3));

    private static double Rank(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
