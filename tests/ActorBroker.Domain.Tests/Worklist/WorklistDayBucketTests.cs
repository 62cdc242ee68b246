using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Domain.Tests.Worklist;

/// <summary>
/// The (modality, day) and (station AE title, day) buckets: a scanner's modality or station + date query checks
/// exactly those items, reads them in result order (sorted once per change), and still answers what a full scan does.
/// </summary>
public sealed class WorklistDayBucketTests : IDisposable
{
    private static readonly string[] Modalities = ["CT", "MR", "US", "CR"];
    private readonly WorklistIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Modality_or_station_and_a_date_check_only_that_keys_items_of_those_days()
    {
        var random = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var modality = Modalities[random.Next(Modalities.Length)];
            var ae = modality + random.Next(1, 4).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            Add($"A{i}", modality, ae, $"202611{24 + random.Next(7):D2}", $"{7 + random.Next(12):D2}{random.Next(4) * 15:D2}");
        }

        var all = _index.All();
        int Count(Func<WorklistItem, bool> where) => all.Count(e => where(e.Item));

        var ct28 = Plan(Query(modality: "CT", date: "20261128"));
        Assert.Equal((WorklistIndexKind.Date, Count(i => i.Modality == "CT" && i.SpsStartDate == "20261128")), ct28);
        var station = Plan(Query(station: "MR02", date: "20261127"));
        // One of 12 stations is a narrower single key than one of 7 days; either way the (station, day) bucket is read.
        Assert.Equal((WorklistIndexKind.StationAeTitle, Count(i => i.ScheduledStationAeTitle == "MR02" && i.SpsStartDate == "20261127")), station);
        // Both keys: the narrower of the two buckets.
        var both = Plan(Query(modality: "US", station: "US03", date: "20261126"));
        Assert.Equal(Count(i => i.ScheduledStationAeTitle == "US03" && i.SpsStartDate == "20261126"), both.Item2);
        // A range wide enough that the modality index is the narrowest single key: still only the range's days.
        var wide = Plan(Query(modality: "CR", date: "20261125-20261201"));
        Assert.Equal((WorklistIndexKind.Modality, Count(i => i.Modality == "CR" && string.CompareOrdinal(i.SpsStartDate, "20261125") >= 0)), wide);

        foreach (var q in new[] { Query(modality: "CT", date: "20261128"), Query(station: "MR02", date: "20261127"), Query(modality: "CR", date: "20261125-20261201"), Query(station: "CT01", date: "20261126-20261128", time: "0800-1200") })
        {
            var expected = all.Where(e => q.Matches(e.Entry)).OrderBy(e => e.Item.StartInstant).ThenBy(e => e.Item.AccessionNumber, StringComparer.Ordinal).ToList();
            Assert.Equal(expected, _index.Query(q));
        }
    }

    [Fact]
    public void Results_stay_in_start_order_when_a_later_day_has_an_earlier_instant()
    {
        // Local dates of items with different offsets: 23:00 on the 28th at -0600 is 05:00 UTC on the 29th,
        // 01:00 on the 29th at +0100 is 00:00 UTC on the 29th, so the 29th's item starts first.
        Add("LATE28", "CT", "CT01", "20261128", "2300", offset: -6);
        Add("EARLY29", "CT", "CT01", "20261129", "0100", offset: 1);
        Add("NOON28", "CT", "CT01", "20261128", "1200", offset: -6);

        Assert.Equal(["NOON28", "EARLY29", "LATE28"], Accessions(Query(modality: "CT", date: "20261128-20261129")));
        Assert.Equal(["NOON28", "EARLY29", "LATE28"], Accessions(Query(station: "CT01", date: "20261128-20261129")));
    }

    [Fact]
    public void A_change_is_seen_by_the_next_query_in_its_new_place()
    {
        Add("A", "CT", "CT01", "20261128", "0900");
        Add("B", "CT", "CT01", "20261128", "1000");
        Add("C", "CT", "CT01", "20261128", "1100");
        var q = Query(modality: "CT", date: "20261128");
        Assert.Equal(["A", "B", "C"], Accessions(q));
        Assert.Equal(["A", "B", "C"], Accessions(q)); // the bucket's order is kept between queries

        Add("A", "CT", "CT01", "20261128", "1030");   // moved
        Add("D", "CT", "CT01", "20261128", "0800");   // new
        _index.Remove(new OrderKey("MAINHOSP", "C")); // cancelled
        Add("B", "MR", "MR01", "20261128", "1000");   // now another modality's
        Assert.Equal(["D", "A"], Accessions(q));
        Assert.Equal(["B"], Accessions(Query(modality: "MR", date: "20261128")));
    }

    [Fact]
    public void Concurrent_bucket_queries_during_writes_see_sorted_whole_orders()
    {
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var accession = $"W{i % 150}";
                var time = $"{8 + i % 10:D2}{i % 4 * 15:D2}";
                _index.Upsert(new OrderKey("MAINHOSP", accession), [Item(accession, "CT", "CT01", "20261128", time, "S1"), Item(accession, "CT", "CT01", "20261128", time, "S2")]);
            }
        });
        var q = Query(modality: "CT", date: "20261128");
        while (!writer.IsCompleted)
        {
            var result = _index.Query(q);
            Assert.All(result.GroupBy(e => e.Order), g => Assert.Equal(2, g.Count()));
            Assert.Equal(result.OrderBy(e => e.Item.StartInstant).ThenBy(e => e.Item.AccessionNumber, StringComparer.Ordinal).ThenBy(e => e.Item.SpsId, StringComparer.Ordinal), result);
        }

        writer.GetAwaiter().GetResult();
        Assert.Equal(300, _index.Query(q).Count);
    }

    private (WorklistIndexKind, int) Plan(MwlQuery q)
    {
        var site = Assert.Single(_index.Plan(q, "MAINHOSP").Sites);
        return (site.Index, site.Candidates);
    }

    private IEnumerable<string> Accessions(MwlQuery q) => _index.Query(q, "MAINHOSP").Select(e => e.Item.AccessionNumber);

    private void Add(string accession, string modality, string station, string date, string time, int offset = -6) =>
        _index.Upsert(new OrderKey("MAINHOSP", accession), [Item(accession, modality, station, date, time, "S1", offset)]);

    private static MwlQuery Query(string? modality = null, string? station = null, string? date = null, string? time = null)
    {
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.SetEmpty(DicomTags.AccessionNumber, DicomVR.SH);
        var sps = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.Modality, DicomVR.CS, modality ?? "")
            .Set(DicomTags.ScheduledStationAETitle, DicomVR.AE, station ?? "")
            .Set(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, date ?? "")
            .Set(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, time ?? "");
        ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
        return MwlQuery.Parse(ds);
    }

    private static WorklistItem Item(string accession, string modality, string station, string date, string time, string spsId, int offset = -6)
    {
        var instant = new DateTimeOffset(DateOnly.ParseExact(date, "yyyyMMdd").ToDateTime(TimeOnly.ParseExact(time, "HHmm")), TimeSpan.FromHours(offset));
        return new WorklistItem(
            AccessionNumber: accession, PatientId: "P1", IssuerOfPatientId: "EPI", OtherPatientIds: [], PatientName: "DOE^JOHN",
            PatientBirthDate: "19700101", PatientSex: "M", ReferringPhysicianName: "", RequestingPhysician: "", AdmissionId: "",
            CurrentPatientLocation: "", StudyInstanceUid: "1.2.3", RequestedProcedureId: "RP", RequestedProcedureDescription: "",
            RequestedProcedureCode: null, RequestedProcedurePriority: "ROUTINE", ReasonForRequestedProcedure: "", RequestedProcedureComments: "",
            PlacerOrderNumber: "", FillerOrderNumber: "", Modality: modality, ScheduledStationAeTitle: station, ScheduledStationName: "",
            ScheduledProcedureStepLocation: "", SpsStartDate: date, SpsStartTime: time + "00", TimezoneOffsetFromUtc: offset < 0 ? $"-{-offset:D2}00" : $"+{offset:D2}00",
            SpsId: spsId, SpsDescription: "", ScheduledProtocolCode: null, SpsStatus: "SCHEDULED", Site: "MAINHOSP", OrderState: OrderState.Scheduled,
            StartInstant: instant);
    }
}
