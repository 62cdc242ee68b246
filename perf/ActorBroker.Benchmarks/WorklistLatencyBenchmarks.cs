using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Worklist;
using BenchmarkDotNet.Attributes;

namespace ActorBroker.Benchmarks;

/// <summary>
/// Per-query latency of the in-process C-FIND path (index, matching, one UTF-8 response dataset per match) at
/// 10,000 and 100,000 items: each iteration is one query, so P50/P95/P99/max are over queries, GC pauses and
/// all (issue 3 target: p99 under 10 ms for modality + date at 100,000 items). Run without --job (the job is
/// <see cref="WorklistLatencyConfig"/>'s).
/// </summary>
[Config(typeof(WorklistLatencyConfig))]
public class WorklistLatencyBenchmarks
{
    private WorklistIndex _index = null!;
    private MwlQuery _modalityDate = null!;
    private MwlQuery _stationDate = null!;
    private StreamedFind _streamed = null!;

    [Params(10_000, 100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = WorklistBenchmarkData.Index(WorklistBenchmarkData.Orders(Items));
        _modalityDate = WorklistBenchmarkData.Query(modality: "CT", date: "20261128");
        _stationDate = WorklistBenchmarkData.Query(station: "CT01", date: "20261128");
        _streamed = new StreamedFind();
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark]
    public int ModalityDateWithResponses() => WorklistBenchmarkData.QueryWithResponses(_index, _modalityDate);

    [Benchmark]
    public int StationDateWithResponses() => WorklistBenchmarkData.QueryWithResponses(_index, _stationDate);

    /// <summary>Responses also written as Explicit VR LE data sets (all the CPU work of the C-FIND but the socket).</summary>
    [Benchmark]
    public int ModalityDateWithEncodedResponses() => WorklistBenchmarkData.QueryWithEncodedResponses(_index, _modalityDate);

    /// <summary>What the association does now: each match written straight from its cached encodings into gathered PDUs (<see cref="StreamedFind"/>).</summary>
    [Benchmark]
    public int ModalityDateStreamed() => _streamed.Run(_index, _modalityDate);

    [Benchmark]
    public int StationDateStreamed() => _streamed.Run(_index, _stationDate);

    /// <summary>The index lookup and matching alone (no responses): what the streamed figures add to.</summary>
    [Benchmark]
    public int ModalityDateIndexOnly() => _index.Query(_modalityDate, WorklistBenchmarkData.Site).Count;
}
