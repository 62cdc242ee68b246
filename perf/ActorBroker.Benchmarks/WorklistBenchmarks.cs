using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using BenchmarkDotNet.Attributes;

namespace ActorBroker.Benchmarks;

/// <summary>
/// The in-process C-FIND path of the Modality Worklist (issue 3): WorklistIndex lookup + MwlQuery matching, the
/// same plus one MwlResponseBuilder response per match, and plus writing each response as the wire data set
/// (everything but the socket), at 10,000 and 100,000 scheduled items (<see cref="WorklistBenchmarkData"/>).
/// Also the uncached response path (what the first query after an order changed pays per item) and the cost of
/// filling the index with N orders (the in-memory part of a rebuild from the journal). Means over many
/// invocations; per-query percentiles are <see cref="WorklistLatencyBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class WorklistBenchmarks
{
    private WorklistIndex _index = null!;
    private List<(OrderKey Key, WorklistItem[] Items)> _orders = null!;
    private MwlQuery _modalityDate = null!;
    private MwlQuery _stationDate = null!;
    private MwlQuery _accession = null!;
    private MwlQuery _name = null!;
    private StreamedFind _streamed = null!;

    [Params(10_000, 100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _orders = WorklistBenchmarkData.Orders(Items);
        _index = WorklistBenchmarkData.Index(_orders);
        _modalityDate = WorklistBenchmarkData.Query(modality: "CT", date: "20261128");
        _stationDate = WorklistBenchmarkData.Query(station: "CT01", date: "20261128");
        _accession = WorklistBenchmarkData.Query(accession: "ACC0000042");
        _name = WorklistBenchmarkData.Query(name: "nunez*", date: "20261128");
        _streamed = new StreamedFind();
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>Modality + date (what a scanner sends): index lookup and matching only.</summary>
    [Benchmark]
    public int ModalityDateQuery() => _index.Query(_modalityDate, WorklistBenchmarkData.Site).Count;

    /// <summary>Modality + date, and a response dataset per match in UTF-8 (the C-FIND minus the socket).</summary>
    [Benchmark]
    public int ModalityDateQueryWithResponses() => WorklistBenchmarkData.QueryWithResponses(_index, _modalityDate);

    /// <summary>As above, each response also written to bytes (Explicit VR Little Endian), as the DIMSE writer does.</summary>
    [Benchmark]
    public int ModalityDateQueryWithEncodedResponses() => WorklistBenchmarkData.QueryWithEncodedResponses(_index, _modalityDate);

    /// <summary>Modality + date as the association answers it now: responses written straight from the cached encodings into gathered PDUs (<see cref="StreamedFind"/>).</summary>
    [Benchmark]
    public int ModalityDateQueryStreamed() => _streamed.Run(_index, _modalityDate);

    /// <summary>Modality + date with every response built from scratch (no cached encodings): the first query after a change.</summary>
    [Benchmark]
    public int ModalityDateQueryWithUncachedResponses()
    {
        var n = 0;
        foreach (var m in _index.Query(_modalityDate, WorklistBenchmarkData.Site))
        {
            n += MwlResponseBuilder.BuildUncached(_modalityDate.Identifier, m.Entry, DicomCharacterSet.Utf8).Count;
        }

        return n;
    }

    /// <summary>Station AE title + date (a scanner asking for its own list), with responses.</summary>
    [Benchmark]
    public int StationDateQueryWithResponses() => WorklistBenchmarkData.QueryWithResponses(_index, _stationDate);

    [Benchmark]
    public int AccessionQuery() => _index.Query(_accession, WorklistBenchmarkData.Site).Count;

    /// <summary>A wildcard name on a date: the date index, then folding names of that day's candidates.</summary>
    [Benchmark]
    public int NameWildcardOnDateQuery() => _index.Query(_name, WorklistBenchmarkData.Site).Count;

    /// <summary>Filling an empty index with every order (the index's share of a rebuild).</summary>
    [Benchmark]
    public int Fill()
    {
        using var index = WorklistBenchmarkData.Index(_orders);
        return index.Count;
    }
}
