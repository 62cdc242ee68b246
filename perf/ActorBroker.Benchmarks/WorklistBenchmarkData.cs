using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Benchmarks;

/// <summary>
/// Worklist items spread like gen-worklist.py makes them (4 modalities, 2 stations each, 7 days, one site, seed 3)
/// and the queries a scanner sends, shared by <see cref="WorklistBenchmarks"/> and <see cref="WorklistLatencyBenchmarks"/>.
/// </summary>
internal static class WorklistBenchmarkData
{
    public const string Site = "MAINHOSP";
    private static readonly string[] Modalities = ["CT", "MR", "US", "CR"];
    private static readonly string[] Names = ["NÚÑEZ^JOSÉ", "MÜLLER^JOÃO", "ØSTERGÅRD^LÆRKE", "SMITH^JOHN", "DOE^JANE", "O'BRIEN^SEÁN"];

    public static List<(OrderKey Key, WorklistItem[] Items)> Orders(int count)
    {
        var random = new Random(3);
        var orders = new List<(OrderKey, WorklistItem[])>(count);
        for (var i = 0; i < count; i++)
        {
            var key = new OrderKey(Site, $"ACC{i:D7}");
            orders.Add((key, [Item(random, key.Accession)]));
        }

        return orders;
    }

    public static WorklistIndex Index(IEnumerable<(OrderKey Key, WorklistItem[] Items)> orders)
    {
        var index = new WorklistIndex();
        foreach (var (key, items) in orders)
        {
            index.Upsert(key, items);
        }

        return index;
    }

    /// <summary>What findscu -W or a scanner sends: these keys, a few of them set.</summary>
    public static MwlQuery Query(string modality = "", string date = "", string accession = "", string name = "", string station = "")
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
                .Set(DicomTags.ScheduledStationAETitle, DicomVR.AE, station)
                .Set(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, date)
                .Set(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, "")
                .Set(DicomTags.ScheduledProcedureStepID, DicomVR.SH, "")
                .Set(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO, ""),
        ]);
        return MwlQuery.Parse(ds);
    }

    /// <summary>The query, then one response dataset per match in UTF-8; returns the number of top-level elements (kept alive).</summary>
    public static int QueryWithResponses(WorklistIndex index, MwlQuery query)
    {
        var n = 0;
        foreach (var m in index.Query(query, Site))
        {
            n += MwlResponseBuilder.Build(query, m.Entry, DicomCharacterSet.Utf8).Count;
        }

        return n;
    }

    /// <summary>As <see cref="QueryWithResponses"/>, each response also written as the C-FIND-RSP data set (Explicit VR LE): everything but the socket.</summary>
    public static int QueryWithEncodedResponses(WorklistIndex index, MwlQuery query)
    {
        var n = 0;
        foreach (var m in index.Query(query, Site))
        {
            n += DicomDatasetWriter.Write(MwlResponseBuilder.Build(query, m.Entry, DicomCharacterSet.Utf8), DicomTransferSyntax.ExplicitVRLittleEndian).Length;
        }

        return n;
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
            SpsStatus: "SCHEDULED", Site: Site, OrderState: OrderState.Scheduled,
            StartInstant: new DateTimeOffset(date.ToDateTime(time), TimeSpan.FromHours(-6)));
    }

    private static string StudyUid(string accession) => "2.25.1" + accession[3..];
}
