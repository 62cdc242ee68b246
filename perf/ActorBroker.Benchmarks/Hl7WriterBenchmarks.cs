using ActorBroker.Hl7;
using BenchmarkDotNet.Attributes;

namespace ActorBroker.Benchmarks;

/// <summary>The ER7 writer: an original-mode ACK for the ~1 KB ORM, and a whole ORM built field by field.</summary>
[MemoryDiagnoser]
public class Hl7WriterBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 30, 0, TimeSpan.FromHours(-6));
    private Hl7Message _request = null!;
    private Hl7Error[] _errors = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = Hl7Message.Parse(Hl7BenchmarkMessages.Orm);
        _errors = [new Hl7Error(Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("OBR", 1, 18), "OBR-18 (accession number) is required")];
    }

    [Benchmark(Description = "Build AA ACK")]
    public int BuildAck() => Hl7AckBuilder.Build(_request, AckCode.AA, controlId: "ACK1", now: Now).Length;

    [Benchmark(Description = "Build AE ACK with ERR")]
    public int BuildErrorAck() => Hl7AckBuilder.Build(_request, AckCode.AE, _errors, controlId: "ACK1", now: Now).Length;

    [Benchmark(Description = "Build ORM^O01 (~1 KB)")]
    public int BuildOrm() =>
        new Hl7MessageBuilder(Hl7Delimiters.Default, Hl7Charsets.Utf8)
            .Segment("MSH").Field(3, "EPIC").Field(4, "MAINHOSP").Field(5, "ACTORBROKER").Field(6, "RAD").Field(7, "20261128083000-0600")
                .Component(9, 1, "ORM").Component(9, 2, "O01").Field(10, "MSG000001").Field(11, "P").Field(12, "2.3").Field(15, "AL").Field(16, "NE").Field(18, "UNICODE UTF-8")
            .Segment("PID").Field(1, "1").RawField(3, "E1000001^^^EPI^MR~88231^^^NORTHCLINIC^MR")
                .Component(5, 1, "NÚÑEZ").Component(5, 2, "JOSÉ").Component(5, 3, "ANTONIO").Component(5, 5, "SR.")
                .Field(7, "19700214").Field(8, "M").Component(11, 1, "1200 W JOHNSON ST").Component(11, 3, "MADISON").Component(11, 4, "WI").Component(11, 5, "53706")
            .Segment("PV1").Field(1, "1").Field(2, "O").Component(3, 1, "RAD").Component(3, 2, "CT1").Component(3, 4, "MAINHOSP")
                .Component(8, 1, "4411").Component(8, 2, "GARCÍA").Component(8, 3, "MARÍA").Component(8, 7, "MD").Field(19, "V7001001")
            .Segment("ORC").Field(1, "NW").Component(2, 1, "PL20001").Component(2, 2, "EPC").Component(3, 1, "ACC20001").Component(3, 2, "EPC")
                .Field(5, "SC").Component(7, 4, "20261128093000-0600").Component(7, 6, "R").Field(9, "20261128083000-0600")
            .Segment("OBR").Field(1, "1").Component(2, 1, "PL20001").Component(2, 2, "EPC").Component(3, 1, "ACC20001").Component(3, 2, "EPC")
                .Component(4, 1, "IMG3301").Component(4, 2, "CT HEAD WO CONTRAST").Component(4, 3, "EAP")
                .Field(18, "ACC20001").Field(19, "RP20001").Field(20, "SPS20001").Field(24, "CT").Component(27, 4, "20261128093000-0600").Component(27, 6, "R")
                .Field(31, "Headache, rule out bleed")
            .Segment("NTE").Field(1, "1").Field(3, "Patient claustrophobic & needs sedation")
            .Segment("ZDS").Component(1, 1, "1.2.840.114350.2.277.2.798268.2.20001.1").Component(1, 2, "EPIC").Component(1, 3, "Application").Component(1, 4, "DICOM")
            .ToBytes().Length;
}
