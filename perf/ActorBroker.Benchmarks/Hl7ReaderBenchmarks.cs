using ActorBroker.Hl7;
using BenchmarkDotNet.Attributes;

namespace ActorBroker.Benchmarks;

/// <summary>The ER7 reader on a ~1 KB ORM: the one-pass index alone, and parse plus typical field reads.</summary>
[MemoryDiagnoser]
public class Hl7ReaderBenchmarks
{
    private readonly byte[] _orm = Hl7BenchmarkMessages.Orm;
    private Hl7Index _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        _index = new Hl7Index();
        _index.TryIndex(_orm);
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    [Benchmark(Description = "Index 1 KB ORM (reused Hl7Index)")]
    public int Index()
    {
        _index.TryIndex(_orm);
        return _index.SegmentCount;
    }

    [Benchmark(Description = "Parse + read 10 typed fields")]
    public int ParseAndRead10Fields()
    {
        var message = Hl7Message.Parse(_orm);
        var pid = new Pid(message.Find("PID")!.Value);
        var orc = new Orc(message.Find("ORC")!.Value);
        var obr = new Obr(message.Find("OBR")!.Value);
        var length = message.MessageControlId.Length
            + message.MessageType.Length
            + pid.PatientIdentifiers[0].Id.Length
            + pid.PatientName.Family.Length
            + orc.OrderControl.Length
            + orc.QuantityTimingStart.Length
            + obr.PlacerField1.Length
            + obr.DiagnosticServiceSectionId.Length
            + obr.UniversalServiceId.Code.Length
            + new Zds(message.Find("ZDS")!.Value).StudyInstanceUid.Length;
        return length;
    }
}
