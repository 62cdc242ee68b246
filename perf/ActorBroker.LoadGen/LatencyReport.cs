using System.Globalization;

namespace ActorBroker.LoadGen;

/// <summary>The run's totals and latency percentiles (nearest-rank on the sorted samples).</summary>
internal sealed record LatencyReport(
    int Messages,
    double Seconds,
    double[] LatenciesMs,
    long Aa,
    long Ae,
    long Ar,
    long Other,
    long Timeouts,
    int Connections,
    int Pipeline,
    double Rate)
{
    public double Throughput => Messages / Seconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * LatenciesMs.Length) - 1;
        return LatenciesMs[Math.Clamp(rank, 0, LatenciesMs.Length - 1)];
    }

    public string ToText() => string.Create(CultureInfo.InvariantCulture, $"""
        connections {Connections}, pipeline {Pipeline}, rate {(Rate > 0 ? Rate.ToString("F0", CultureInfo.InvariantCulture) + " msgs/s (open loop)" : "max (closed loop)")}
        messages    {Messages}
        seconds     {Seconds:F2}
        msgs/s      {Throughput:F0}
        ACK latency p50 {Percentile(50):F3} ms  p90 {Percentile(90):F3} ms  p99 {Percentile(99):F3} ms  max {Percentile(100):F3} ms
        ACKs        AA {Aa}  AE {Ae}  AR {Ar}  other {Other}  timeouts {Timeouts}
        """);

    public string ToJson() => string.Create(CultureInfo.InvariantCulture,
        $"{{\"messages\":{Messages},\"seconds\":{Seconds:F3},\"msgsPerSec\":{Throughput:F1},\"p50Ms\":{Percentile(50):F3},\"p90Ms\":{Percentile(90):F3},\"p99Ms\":{Percentile(99):F3},\"maxMs\":{Percentile(100):F3},\"aa\":{Aa},\"ae\":{Ae},\"ar\":{Ar},\"other\":{Other},\"timeouts\":{Timeouts},\"connections\":{Connections},\"pipeline\":{Pipeline},\"rate\":{Rate}}}");
}
