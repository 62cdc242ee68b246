using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Domain.Tests.Worklist;

public sealed class WorklistIndexTests : IDisposable
{
    private static readonly string[] Modalities = ["CT", "MR", "US", "CR"];
    private static readonly string[] Stations = ["CT01", "CT02", "MR01", "US01", "CR01", "CT01\\CT02"];
    private static readonly string[] Names = ["NÚÑEZ^JOSÉ", "MÜLLER^JOÃO", "ØSTERGÅRD^LÆRKE", "SMITH^JOHN", "Smith^Jane", "DOE^JOHN^Q", "O'BRIEN^SEÁN", "GARCÍA^MARÍA"];
    private readonly WorklistIndex _index = new();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Every_query_kind_returns_what_a_full_scan_returns_on_random_data()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 3000; i++)
        {
            var site = i % 3 == 0 ? "NORTHCLINIC" : "MAINHOSP";
            var steps = random.Next(10) == 0 ? 2 : 1;
            _index.Upsert(new OrderKey(site, $"ACC{i % 2900:D5}"), Enumerable.Range(0, steps).Select(s => RandomItem(random, site, $"ACC{i % 2900:D5}", s)).ToList());
        }

        // Some changes and removals, as a day of HL7 traffic makes them.
        for (var i = 0; i < 300; i++)
        {
            var key = new OrderKey(i % 2 == 0 ? "MAINHOSP" : "NORTHCLINIC", $"ACC{random.Next(2900):D5}");
            if (random.Next(3) == 0)
            {
                _index.Remove(key);
            }
            else
            {
                _index.Upsert(key, [RandomItem(random, key.Site, key.Accession, 0)]);
            }
        }

        var all = _index.All();
        Assert.Equal(all.Count, _index.Count);
        var kinds = new HashSet<WorklistIndexKind>();
        for (var n = 0; n < 600; n++)
        {
            var query = RandomQuery(random);
            foreach (var site in new[] { null, "MAINHOSP", "NORTHCLINIC", "NOWHERE" })
            {
                var expected = all.Where(e => (site is null || e.Order.Site == site) && query.Matches(e.Entry)).ToHashSet(ReferenceEqualityComparer.Instance);
                var actual = _index.Query(query, site);
                Assert.Equal(actual.Count, actual.Distinct().Count());
                Assert.True(expected.SetEquals(actual), $"query #{n} at {site ?? "all sites"}: {expected.Count} expected, {actual.Count} returned");
                foreach (var p in _index.Plan(query, site).Sites)
                {
                    kinds.Add(p.Index);
                }
            }
        }

        // The random queries exercised every index.
        Assert.Equal(Enum.GetValues<WorklistIndexKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Buckets_taken_whole_or_matched_on_their_remaining_keys_return_what_a_full_scan_returns()
    {
        // Values the (modality, day) and (station, day) buckets file in ways the query keys must agree with:
        // several values, padding spaces, case, a date with spaces, other timezone offsets.
        string[] modalities = ["CT", " CT", "CT\\MR", "MR", "ct", "MR\\ CT "];
        string[] stations = ["CT01", "CT01\\CT02", " CT02", "MR01"];
        string[] dates = ["20261127", "20261128", "20261129", " 20261128"];
        var random = new Random(4);
        for (var i = 0; i < 1500; i++)
        {
            var date = dates[random.Next(dates.Length)];
            var item = Item($"B{i:D5}", modalities[random.Next(modalities.Length)], stations[random.Next(stations.Length)], date.Trim(),
                $"{random.Next(24):D2}{random.Next(4) * 15:D2}", offset: random.Next(3) == 0 ? "+0100" : "-0600") with { SpsStartDate = date };
            _index.Upsert(new OrderKey("MAINHOSP", $"B{i:D5}"), [item]);
        }

        var all = _index.All();
        string?[] queryModalities = ["CT", "MR", "CT ", "ct", "C*"];
        string?[] queryStations = [null, null, "CT01", "CT02"];
        string[] queryDates = ["20261128", "20261127-20261128", "20261128-", "-20261127"];
        string?[] times = [null, null, "0800-1200", "0000-0600"];
        string?[] zones = [null, null, "+0100"];
        var taken = 0;
        for (var n = 0; n < 400; n++)
        {
            var query = Query(
                modality: queryModalities[random.Next(queryModalities.Length)],
                station: queryStations[random.Next(queryStations.Length)],
                date: queryDates[random.Next(queryDates.Length)],
                time: times[random.Next(times.Length)],
                timezone: zones[random.Next(zones.Length)]);
            var expected = all.Where(e => query.Matches(e.Entry)).ToHashSet(ReferenceEqualityComparer.Instance);
            var actual = _index.Query(query, "MAINHOSP");
            Assert.Equal(actual.Count, actual.Distinct().Count());
            Assert.True(expected.SetEquals(actual), $"query #{n}: {expected.Count} expected, {actual.Count} returned");
            if (query.Modality is "CT" or "MR" && query.TimezoneOffsetFromUtc is null && query.Identifier.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0].GetString(DicomTags.ScheduledProcedureStepStartTime).Length == 0)
            {
                taken++;
            }
        }

        Assert.True(taken > 50, $"{taken} queries answered from whole buckets");

        // An order update replaces the entry: the next answer carries the new one only.
        var key = new OrderKey("MAINHOSP", "B00000");
        var before = all.Single(e => e.Order == key);
        _index.Upsert(key, [Item("B00000", "CT", "CT01", "20261128", "0930")]);
        var answer = _index.Query(Query(modality: "CT", date: "20261128"), "MAINHOSP");
        Assert.DoesNotContain(before, answer);
        Assert.Single(answer, e => e.Order == key);
    }

    [Fact]
    public void Responses_are_each_matchs_pending_response_in_result_order_and_a_whole_bucket_keeps_its_array_until_it_changes()
    {
        var random = new Random(11);
        for (var i = 0; i < 800; i++)
        {
            _index.Upsert(new OrderKey("MAINHOSP", $"R{i}"), [RandomItem(random, "MAINHOSP", $"R{i}", 0)]);
        }

        foreach (var target in new[] { DicomCharacterSet.Utf8, DicomCharacterSet.Latin1 })
        {
            for (var n = 0; n < 200; n++)
            {
                var query = RandomQuery(random);
                var expected = _index.Query(query, "MAINHOSP").Select(e => MwlResponseBuilder.Pending(query, e.Entry, target, e.Encodings)).ToList();
                var actual = _index.Responses(query, target, "MAINHOSP");
                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.True(Encoded(expected[i]).AsSpan().SequenceEqual(Encoded(actual[i])), $"query #{n}, response {i} differs");
                }
            }
        }

        // "My modality, today": one bucket taken whole, answered twice with the same kept array.
        var today = Query(modality: "CT", date: "20261128");
        var first = _index.Responses(today, DicomCharacterSet.Utf8, "MAINHOSP");
        Assert.NotEmpty(first);
        Assert.Same(first, _index.Responses(Query(modality: "CT", date: "20261128"), DicomCharacterSet.Utf8, "MAINHOSP"));
        // Another character set or another response shape: other responses.
        Assert.NotSame(first, _index.Responses(today, DicomCharacterSet.Latin1, "MAINHOSP"));
        Assert.NotSame(first, _index.Responses(Query(modality: "CT", date: "20261128", timezone: "-0600"), DicomCharacterSet.Utf8, "MAINHOSP"));

        // A new item in the bucket: the next answer has it, the kept array is not reused.
        _index.Upsert(new OrderKey("MAINHOSP", "NEW1"), [Item("NEW1", "CT", "CT01", "20261128", "0000")]);
        var after = _index.Responses(today, DicomCharacterSet.Utf8, "MAINHOSP");
        Assert.Equal(first.Count + 1, after.Count);
        var added = _index.Query(today, "MAINHOSP").Single(e => e.Order.Accession == "NEW1");
        Assert.Contains(after, r => Encoded(r).AsSpan().SequenceEqual(Encoded(MwlResponseBuilder.Pending(today, added.Entry, DicomCharacterSet.Utf8, added.Encodings))));
    }

    private static byte[] Encoded(CFindResponse response)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        response.DatasetEncoder!.Encode(DicomTransferSyntax.ExplicitVRLittleEndian, output);
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void The_narrowest_single_value_key_picks_the_index()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            _index.Upsert(new OrderKey("MAINHOSP", $"A{i}"), [RandomItem(random, "MAINHOSP", $"A{i}", 0)]);
        }

        Assert.Equal(WorklistIndexKind.Accession, Kind(Query(accession: "A17", modality: "CT", date: "20261128")));
        Assert.Equal(WorklistIndexKind.PatientId, Kind(Query(patientId: "P00042", modality: "CT")));
        Assert.Equal(WorklistIndexKind.Date, Kind(Query(modality: "CT", date: "20261128")));
        Assert.Equal(WorklistIndexKind.Modality, Kind(Query(modality: "CT", date: "20261125-20261201")));
        Assert.Equal(WorklistIndexKind.StationAeTitle, Kind(Query(station: "CR01")));
        // Wildcards and lists are not index keys: every item is a candidate, and matching decides.
        Assert.Equal(WorklistIndexKind.Scan, Kind(Query(modality: "C*", accession: "A1?")));
        Assert.Equal(WorklistIndexKind.Scan, Kind(Query(name: "nunez*")));
        // An unknown key value selects an empty bucket: nothing to check at all.
        var none = _index.Plan(Query(accession: "NOSUCH"), "MAINHOSP");
        Assert.Equal(0, none.Candidates);
    }

    [Fact]
    public void Upsert_replaces_an_orders_items_and_an_empty_list_removes_them()
    {
        var key = new OrderKey("MAINHOSP", "ACC1");
        _index.Upsert(key, [Item("ACC1", "CT", "CT01", "20261128", "0900")]);
        Assert.Single(_index.Query(Query(date: "20261128")));

        _index.Upsert(key, [Item("ACC1", "CT", "CT01", "20261129", "0900"), Item("ACC1", "CT", "CT01", "20261129", "1000", spsId: "S2")]);
        Assert.Empty(_index.Query(Query(date: "20261128")));
        Assert.Equal(2, _index.Query(Query(date: "20261129", modality: "CT")).Count);
        Assert.Equal(2, _index.CountForStation("MAINHOSP", "CT01"));
        Assert.Equal((2, 1), (_index.Count, _index.OrderCount));

        _index.Upsert(key, []);
        Assert.Equal((0, 0), (_index.Count, _index.OrderCount));
        Assert.Empty(_index.Query(Query()));
        Assert.Equal(0, _index.CountForStation("MAINHOSP", "CT01"));
    }

    [Fact]
    public void Results_come_in_start_time_order_and_a_site_sees_only_its_own_items()
    {
        _index.Upsert(new OrderKey("MAINHOSP", "B"), [Item("B", "CT", "CT01", "20261128", "1100")]);
        _index.Upsert(new OrderKey("MAINHOSP", "A"), [Item("A", "CT", "CT01", "20261128", "0900")]);
        _index.Upsert(new OrderKey("NORTHCLINIC", "C"), [Item("C", "CT", "CT01", "20261128", "1000", site: "NORTHCLINIC")]);

        Assert.Equal(["A", "C", "B"], _index.Query(Query(modality: "CT")).Select(e => e.Item.AccessionNumber));
        Assert.Equal(["A", "B"], _index.Query(Query(modality: "CT"), "MAINHOSP").Select(e => e.Item.AccessionNumber));
        Assert.Equal(["A", "B"], _index.Query(Query(modality: "CT"), "mainhosp").Select(e => e.Item.AccessionNumber));
    }

    [Fact]
    public void A_query_in_another_timezone_finds_items_filed_under_the_neighbouring_local_date()
    {
        // 23:30 on the 28th in Chicago (-0600) is 06:30 on the 29th in Copenhagen (+0100).
        _index.Upsert(new OrderKey("MAINHOSP", "LATE"), [Item("LATE", "CT", "CT01", "20261128", "2330")]);

        var query = Query(date: "20261129", timezone: "+0100");
        Assert.Single(_index.Query(query));
        Assert.Empty(_index.Query(Query(date: "20261129")));
    }

    [Fact]
    public void Names_match_ignoring_case_and_accents_and_other_keys_exactly()
    {
        _index.Upsert(new OrderKey("MAINHOSP", "N1"), [Item("N1", "CT", "CT01", "20261128", "0900", name: "NÚÑEZ^JOSÉ")]);
        _index.Upsert(new OrderKey("MAINHOSP", "N2"), [Item("N2", "CT", "CT01", "20261128", "0930", name: "NUNN^ALAN")]);

        Assert.Equal(["N1"], _index.Query(Query(name: "nunez*")).Select(e => e.Item.AccessionNumber));
        Assert.Equal(["N1", "N2"], _index.Query(Query(name: "NU?*")).Select(e => e.Item.AccessionNumber));
        Assert.Empty(_index.Query(Query(accession: "n1")));
        Assert.Empty(_index.Query(Query(modality: "ct")));
    }

    [Fact]
    public void Concurrent_queries_during_writes_see_whole_orders()
    {
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var key = new OrderKey("MAINHOSP", $"W{i % 200}");
                _index.Upsert(key, [Item(key.Accession, "CT", "CT01", "20261128", "0900"), Item(key.Accession, "CT", "CT01", "20261128", "0900", spsId: "S2")]);
            }
        });
        var q = Query(modality: "CT");
        while (!writer.IsCompleted)
        {
            // Both steps of an order are written under one lock: a reader never sees half an order.
            var result = _index.Query(q);
            Assert.All(result.GroupBy(e => e.Order), g => Assert.Equal(2, g.Count()));
        }

        writer.GetAwaiter().GetResult();
        Assert.Equal(400, _index.Count);
    }

    private WorklistIndexKind Kind(MwlQuery q) => Assert.Single(_index.Plan(q, "MAINHOSP").Sites).Index;

    private static MwlQuery RandomQuery(Random r)
    {
        string? Pick(string[] values, int oneIn) => r.Next(oneIn) == 0 ? values[r.Next(values.Length)] : null;
        var day = 24 + r.Next(7);
        var date = r.Next(7) switch
        {
            0 or 1 => $"202611{day:D2}",
            2 => $"202611{day:D2}-202611{Math.Min(30, day + r.Next(3)):D2}",
            3 => $"202611{day:D2}-",
            4 => $"-202611{day:D2}",
            _ => null,
        };
        var time = date is not null && r.Next(4) == 0 ? (r.Next(2) == 0 ? "0800-1200" : "1000") : null;
        return Query(
            modality: Pick([.. Modalities, "C*", "MR\\CT"], 2),
            station: Pick(["CT01", "CT02", "MR01", "US01", "CR01", "XX99", "CT*"], 4),
            date: date,
            time: time,
            accession: r.Next(12) == 0 ? $"ACC{r.Next(2900):D5}" : r.Next(40) == 0 ? "ACC000*" : null,
            patientId: r.Next(10) == 0 ? $"P{r.Next(320):D5}" : null,
            name: Pick(["nunez*", "SMITH*", "*john*", "M?LLER^JO*", "DOE^JOHN"], 5),
            timezone: r.Next(10) == 0 ? "+0100" : null);
    }

    private static MwlQuery Query(string? modality = null, string? station = null, string? date = null, string? time = null,
        string? accession = null, string? patientId = null, string? name = null, string? timezone = null)
    {
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.Set(DicomTags.AccessionNumber, DicomVR.SH, accession ?? "");
        ds.Set(DicomTags.PatientID, DicomVR.LO, patientId ?? "");
        ds.Set(DicomTags.PatientName, DicomVR.PN, name ?? "");
        if (timezone is not null)
        {
            ds.Set(DicomTags.TimezoneOffsetFromUTC, DicomVR.SH, timezone);
        }

        var sps = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.Modality, DicomVR.CS, modality ?? "")
            .Set(DicomTags.ScheduledStationAETitle, DicomVR.AE, station ?? "")
            .Set(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, date ?? "")
            .Set(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, time ?? "");
        ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
        return MwlQuery.Parse(ds);
    }

    private static WorklistItem RandomItem(Random r, string site, string accession, int step)
    {
        var date = r.Next(30) == 0 ? "" : $"202611{24 + r.Next(7):D2}";
        return Item(
            accession,
            Modalities[r.Next(Modalities.Length)],
            Stations[r.Next(Stations.Length)],
            date,
            $"{7 + r.Next(12):D2}{r.Next(4) * 15:D2}",
            name: Names[r.Next(Names.Length)],
            patientId: $"P{r.Next(320):D5}",
            spsId: $"S{step}",
            site: site,
            offset: site == "NORTHCLINIC" ? "+0100" : "-0600");
    }

    private static WorklistItem Item(string accession, string modality, string station, string date, string time,
        string name = "DOE^JOHN", string patientId = "P1", string spsId = "S1", string site = "MAINHOSP", string offset = "-0600")
    {
        var instant = date.Length == 8
            ? new DateTimeOffset(DateOnly.ParseExact(date, "yyyyMMdd").ToDateTime(TimeOnly.ParseExact(time, "HHmm")), TimeSpan.FromHours(offset == "+0100" ? 1 : -6))
            : DateTimeOffset.MinValue;
        return new WorklistItem(
            AccessionNumber: accession, PatientId: patientId, IssuerOfPatientId: "EPI", OtherPatientIds: [], PatientName: name,
            PatientBirthDate: "19700101", PatientSex: "M", ReferringPhysicianName: "", RequestingPhysician: "", AdmissionId: "",
            CurrentPatientLocation: "", StudyInstanceUid: "1.2.3." + accession.Length, RequestedProcedureId: "RP", RequestedProcedureDescription: "",
            RequestedProcedureCode: null, RequestedProcedurePriority: "ROUTINE", ReasonForRequestedProcedure: "", RequestedProcedureComments: "",
            PlacerOrderNumber: "", FillerOrderNumber: "", Modality: modality, ScheduledStationAeTitle: station, ScheduledStationName: "",
            ScheduledProcedureStepLocation: "", SpsStartDate: date, SpsStartTime: date.Length == 8 ? time + "00" : "", TimezoneOffsetFromUtc: offset,
            SpsId: spsId, SpsDescription: "", ScheduledProtocolCode: null, SpsStatus: "SCHEDULED", Site: site, OrderState: OrderState.Scheduled,
            StartInstant: instant);
    }
}
