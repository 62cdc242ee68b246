using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using BenchmarkDotNet.Attributes;

namespace ActorBroker.Benchmarks;

/// <summary>
/// The in-process C-FIND path of the Modality Worklist (issue 3): WorklistIndex lookup + MwlQuery matching, and
/// the same plus one MwlResponseBuilder response per match (everything but the socket), at 10,000 and 100,000
/// scheduled items spread like gen-worklist.py does (4 modalities, 8 stations, 7 days). Also the cost of
/// filling the index with N orders (the in-memory part of a rebuild from the journal).
/// </summary>
[MemoryDiagnoser]
public class WorklistBenchmarks
{
    private static readonly string[] Modalities = ["CT", "MR", "US", "CR"];
    private static readonly string[] Names = ["NÚÑEZ^JOSÉ", "MÜLLER^JOÃO", "ØSTERGÅRD^LÆRKE", "SMITH^JOHN", "DOE^JANE", "O'BRIEN^SEÁN"];
    private WorklistIndex _index = null!;
    private List<(OrderKey Key, WorklistItem[] Items)> _orders = null!;
    private MwlQuery _modalityDate = null!;
    private MwlQuery _accession = null!;
    private MwlQuery _name = null!;

    [Params(10_000, 100_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _orders = [];
        for (var i = 0; i < Items; i++)
        {
            var key = new OrderKey("MAINHOSP", $"ACC{i:D7}");
            _orders.Add((key, [Item(random, key.Accession)]));
        }

        _index = new WorklistIndex();
        foreach (var (key, items) in _orders)
        {
            _index.Upsert(key, items);
        }

        _modalityDate = Query(modality: "CT", date: "20261128");
        _accession = Query(accession: "ACC0000042");
        _name = Query(name: "nunez*", date: "20261128");
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>Modality + date (what a scanner sends): index lookup and matching only.</summary>
    [Benchmark]
    public int ModalityDateQuery() => _index.Query(_modalityDate, "MAINHOSP").Count;

    /// <summary>Modality + date, and a response dataset per match in UTF-8 (the C-FIND minus the socket).</summary>
    [Benchmark]
    public int ModalityDateQueryWithResponses()
    {
        var n = 0;
        foreach (var m in _index.Query(_modalityDate, "MAINHOSP"))
        {
            n += MwlResponseBuilder.Build(_modalityDate, m.Entry, DicomCharacterSet.Utf8).Count;
        }

        return n;
    }

    [Benchmark]
    public int AccessionQuery() => _index.Query(_accession, "MAINHOSP").Count;

    /// <summary>A wildcard name on a date: the date index, then folding names of that day's candidates.</summary>
    [Benchmark]
    public int NameWildcardOnDateQuery() => _index.Query(_name, "MAINHOSP").Count;

    /// <summary>Filling an empty index with every order (the index's share of a rebuild).</summary>
    [Benchmark]
    public int Fill()
    {
        using var index = new WorklistIndex();
        foreach (var (key, items) in _orders)
        {
            index.Upsert(key, items);
        }

        return index.Count;
    }

    private static MwlQuery Query(string modality = "", string date = "", string accession = "", string name = "")
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
            .Set(DicomTags.PatientName, DicomVR.PN, name)
            .Set(DicomTags.PatientID, DicomVR.LO, "")
            .Set(DicomTags.PatientBirthDate, DicomVR.DA, "")
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, "")
            .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "");
        ds.SetSequence(DicomTags.ScheduledProcedureStepSequence,
        [
            new DicomDataset(DicomCharacterSet.Utf8)
                .Set(DicomTags.Modality, DicomVR.CS, modality)
                .Set(DicomTags.ScheduledStationAETitle, DicomVR.AE, "")
                .Set(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, date)
                .Set(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, "")
                .Set(DicomTags.ScheduledProcedureStepID, DicomVR.SH, "")
                .Set(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO, ""),
        ]);
        return MwlQuery.Parse(ds);
    }

    private static WorklistItem Item(Random r, string accession)
    {
        var modality = Modalities[r.Next(Modalities.Length)];
        var date = new DateOnly(2026, 11, 25).AddDays(r.Next(7));
        var time = new TimeOnly(7 + r.Next(12), r.Next(4) * 15);
        return new WorklistItem(
            AccessionNumber: accession, PatientId: $"P{r.Next(50_000):D6}", IssuerOfPatientId: "EPI", OtherPatientIds: [],
            PatientName: Names[r.Next(Names.Length)], PatientBirthDate: "19700101", PatientSex: "F", ReferringPhysicianName: "GARCÍA^MARÍA",
            RequestingPhysician: "", AdmissionId: "V1", CurrentPatientLocation: "", StudyInstanceUid: StudyUid(accession), RequestedProcedureId: "RP" + accession,
            RequestedProcedureDescription: modality + " EXAM", RequestedProcedureCode: new CodedEntry("C1", "EAP", modality + " EXAM"),
            RequestedProcedurePriority: "ROUTINE", ReasonForRequestedProcedure: "", RequestedProcedureComments: "", PlacerOrderNumber: "PL" + accession,
            FillerOrderNumber: accession, Modality: modality, ScheduledStationAeTitle: $"{modality}{r.Next(1, 3):D2}", ScheduledStationName: "",
            ScheduledProcedureStepLocation: "", SpsStartDate: date.ToString("yyyyMMdd"), SpsStartTime: time.ToString("HHmmss"),
            TimezoneOffsetFromUtc: "-0600", SpsId: "SPS" + accession, SpsDescription: modality + " EXAM", ScheduledProtocolCode: null,
            SpsStatus: "SCHEDULED", Site: "MAINHOSP", OrderState: OrderState.Scheduled,
            StartInstant: new DateTimeOffset(date.ToDateTime(time), TimeSpan.FromHours(-6)));
    }

    private static string StudyUid(string accession) => "2.25.1" + accession[3..];
}
