using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ActorBroker.Benchmarks;

/// <summary>
/// One query per iteration (invocation count 1, no unrolling), 20 warm-up and 300 measured iterations: the
/// iteration statistics are then the per-query latency distribution, reported as P50, P95, P99 and max. Two jobs:
/// "PerQuery" collects all garbage (full GC) before each query, so each runs with cold caches (the pessimistic
/// figure); "PerQuerySteady" lets queries follow each other as on a serving association.
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

        // The same without BenchmarkDotNet's full, compacting GC before every iteration (GcForce): the steady state
        // of a server answering query after query, where only the collections its own allocations cause happen.
        AddJob(Job.Default
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(20)
            .WithIterationCount(300)
            .WithGcForce(false)
            .WithId("PerQuerySteady"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new WorklistP99Column(), StatisticColumn.Max);
    }
}
