using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ActorBroker.Benchmarks;

/// <summary>
/// One query per iteration (invocation count 1, no unrolling), 20 warm-up and 300 measured iterations: the
/// iteration statistics are then the per-query latency distribution, reported as P50, P95, P99 and max.
/// </summary>
public sealed class WorklistLatencyConfig : ManualConfig
{
    public WorklistLatencyConfig()
    {
        AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(20)
            .WithIterationCount(300)
            .WithId("PerQuery"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new WorklistP99Column(), StatisticColumn.Max);
    }
}
