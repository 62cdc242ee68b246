using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using static ActorBroker.Dicom.Tests.Mwl.MwlTestData;

namespace ActorBroker.Dicom.Tests.Mwl;

public sealed class MwlQueryMatchingTests
{
    private static readonly DicomTag Date = DicomTags.ScheduledProcedureStepStartDate;
    private static readonly DicomTag Time = DicomTags.ScheduledProcedureStepStartTime;

    [Theory]
    [InlineData("nunez*", true)]
    [InlineData("NÚÑEZ^JOSÉ", true)]
    [InlineData("Nunez^Jose", true)]
    [InlineData("núñez^josé^^", true)]
    [InlineData("N?NEZ*", true)]
    [InlineData("*jose", true)]
    [InlineData("Nunez", false)]
    [InlineData("Perez*", false)]
    [InlineData("*", true)]
    [InlineData("", true)]
    public void Patient_name_ignores_case_and_accents_by_default(string key, bool expected) =>
        Assert.Equal(expected, Top((DicomTags.PatientName, key)).Matches(Nunez));

    [Theory]
    [InlineData("NÚÑEZ*", true)]
    [InlineData("NÚÑEZ^JOSÉ", true)]
    [InlineData("nunez*", false)]
    [InlineData("NUNEZ*", false)]
    public void Exact_name_matching_is_literal(string key, bool expected) =>
        Assert.Equal(expected, Query([(DicomTags.PatientName, key)], options: new MwlMatchingOptions { ExactNameMatching = true }).Matches(Nunez));

    [Fact]
    public void Name_with_component_groups_matches_on_any_group()
    {
        var entry = Nunez with { PatientName = "Yamada^Tarou=山田^太郎=やまだ^たろう" };
        Assert.True(Top((DicomTags.PatientName, "yamada*")).Matches(entry));
        Assert.True(Top((DicomTags.PatientName, "山田^太郎")).Matches(entry));
        Assert.True(Top((DicomTags.PatientName, "やまだ*")).Matches(entry));
        Assert.True(Top((DicomTags.PatientName, "Yamada^Tarou=山田^太郎=やまだ^たろう")).Matches(entry));
        Assert.False(Top((DicomTags.PatientName, "山本*")).Matches(entry));
    }

    [Theory]
    [InlineData("PID1", true)]
    [InlineData("pid1", false)] // LO: single value matching is exact (only PN may ignore case)
    [InlineData("PID*", true)]
    [InlineData("P?D1", true)]
    [InlineData("PID2", false)]
    public void Patient_id_is_exact_or_wildcard(string key, bool expected) =>
        Assert.Equal(expected, Top((DicomTags.PatientID, key)).Matches(Nunez));

    [Fact]
    public void Top_level_keys_each_match_their_field()
    {
        Assert.True(Top((DicomTags.AccessionNumber, "ACC0001")).Matches(Nunez));
        Assert.False(Top((DicomTags.AccessionNumber, "ACC0002")).Matches(Nunez));
        Assert.True(Top((DicomTags.AccessionNumber, "ACC*")).Matches(Nunez));
        Assert.True(Top((DicomTags.RequestedProcedureID, "RP1")).Matches(Nunez));
        Assert.False(Top((DicomTags.RequestedProcedureID, "RP2")).Matches(Nunez));
        Assert.True(Top((DicomTags.AdmissionID, "ADM9")).Matches(Nunez));
        Assert.False(Top((DicomTags.AdmissionID, "ADM1")).Matches(Nunez));
        Assert.True(Top((DicomTags.ReferringPhysicianName, "muller*")).Matches(Nunez));
        Assert.False(Top((DicomTags.ReferringPhysicianName, "Meier*")).Matches(Nunez));
        Assert.True(Top((DicomTags.RequestedProcedurePriority, "ROUTINE")).Matches(Nunez));
        Assert.False(Top((DicomTags.RequestedProcedurePriority, "STAT")).Matches(Nunez));
        Assert.True(Top((DicomTags.PatientSex, "M")).Matches(Nunez));
        Assert.True(Top((DicomTags.PatientBirthDate, "19600101-19800101")).Matches(Nunez));
        Assert.False(Top((DicomTags.PatientBirthDate, "19800101-")).Matches(Nunez));
        Assert.True(Top((DicomTags.PlacerOrderNumberImagingServiceRequest, "PL1")).Matches(Nunez));
        Assert.True(Top((DicomTags.RequestingPhysician, "oster^asa")).Matches(Nunez));
        // Several keys: all must match.
        Assert.False(Top((DicomTags.PatientID, "PID1"), (DicomTags.AccessionNumber, "X")).Matches(Nunez));
    }

    [Fact]
    public void Study_instance_uid_uses_list_of_uid_matching()
    {
        Assert.True(Top((DicomTags.StudyInstanceUID, "1.2.3.4")).Matches(Nunez));
        Assert.True(Top((DicomTags.StudyInstanceUID, "1.2.3.9\\1.2.3.4")).Matches(Nunez));
        Assert.False(Top((DicomTags.StudyInstanceUID, "1.2.3.9\\1.2.3.5")).Matches(Nunez));
        Assert.False(Top((DicomTags.StudyInstanceUID, "1.2.3.*")).Matches(Nunez)); // no wildcards on UI
    }

    [Fact]
    public void Sps_item_keys_each_match_their_field()
    {
        Assert.True(Sps((DicomTags.Modality, "CT")).Matches(Nunez));
        Assert.False(Sps((DicomTags.Modality, "MR")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledStationAETitle, "CT01")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledStationAETitle, "CT02")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledStationAETitle, "CT02")).Matches(Nunez with { ScheduledStationAeTitle = "CT01\\CT02" }));
        Assert.True(Sps((DicomTags.ScheduledPerformingPhysicianName, "dvorak*")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledPerformingPhysicianName, "smetana*")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledProcedureStepID, "SPS1")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledProcedureStepID, "SPS2")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledProcedureStepStatus, "SCHEDULED")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledProcedureStepStatus, "COMPLETED")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledStationName, "CTROOM*")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledStationName, "MRROOM1")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledProcedureStepLocation, "Radiologie")).Matches(Nunez));
        Assert.False(Sps((DicomTags.ScheduledProcedureStepLocation, "radiologie")).Matches(Nunez));
        Assert.True(Sps((DicomTags.ScheduledProcedureStepDescription, "Thorax*")).Matches(Nunez));
    }

    [Theory]
    [InlineData("20261128", true)]
    [InlineData("20261127", false)]
    [InlineData("20261128-", true)]
    [InlineData("20261129-", false)]
    [InlineData("-20261128", true)]
    [InlineData("-20261127", false)]
    [InlineData("20261127-20261129", true)]
    [InlineData("20261129-20261130", false)]
    [InlineData("20261128-20261128", true)]
    public void Sps_start_date_single_and_ranges(string key, bool expected) =>
        Assert.Equal(expected, Sps((Date, key)).Matches(Nunez));

    [Theory]
    [InlineData("0930", true)]
    [InlineData("09", true)]
    [InlineData("093000", true)]
    [InlineData("093000.000", true)]
    [InlineData("093000.123", false)]
    [InlineData("09:30:00", true)] // pre-3.0 form
    [InlineData("0931", false)]
    [InlineData("0800-1200", true)]
    [InlineData("0930-", true)]
    [InlineData("-0930", true)]
    [InlineData("-0929", false)]
    [InlineData("093001-", false)]
    [InlineData("1000-1100", false)]
    public void Sps_start_time_single_and_ranges(string key, bool expected) =>
        Assert.Equal(expected, Sps((Time, key)).Matches(Nunez));

    [Fact]
    public void Fractional_entry_times_compare_at_full_precision()
    {
        var entry = Nunez with { SpsStartTime = "093000.123" };
        Assert.True(Sps((Time, "093000.123")).Matches(entry));
        Assert.True(Sps((Time, "093000")).Matches(entry)); // 09:30:00 covers the whole second
        Assert.False(Sps((Time, "093000.1231-")).Matches(entry));
        Assert.True(Sps((Time, "-093000.123")).Matches(entry));
    }

    [Fact]
    public void Date_and_time_ranges_of_the_same_form_combine_into_one_window()
    {
        // An overnight window: 27th 20:00 to 28th 06:00.
        var night = Sps((Date, "20261127-20261128"), (Time, "2000-0600"));
        Assert.True(night.Matches(Nunez with { SpsStartDate = "20261127", SpsStartTime = "2200" }));
        Assert.True(night.Matches(Nunez with { SpsStartDate = "20261128", SpsStartTime = "0500" }));
        Assert.True(night.Matches(Nunez with { SpsStartDate = "20261128", SpsStartTime = "0600" })); // 06:00 covers 06:00:59
        Assert.False(night.Matches(Nunez with { SpsStartDate = "20261128", SpsStartTime = "0700" }));
        Assert.False(night.Matches(Nunez with { SpsStartDate = "20261127", SpsStartTime = "1900" }));

        // 27th 10:00 to 29th 12:00 combined; independently it is 10:00-12:00 on each day.
        var combined = Sps((Date, "20261127-20261129"), (Time, "1000-1200"));
        var independent = Query([], [(Date, "20261127-20261129"), (Time, "1000-1200")], new MwlMatchingOptions { CombinedDateTimeMatching = false });
        var afternoon = Nunez with { SpsStartDate = "20261128", SpsStartTime = "1500" };
        Assert.True(combined.Matches(afternoon));
        Assert.False(independent.Matches(afternoon));
        Assert.True(independent.Matches(Nunez with { SpsStartDate = "20261128", SpsStartTime = "1100" }));

        // Open-ended on both: from the 28th 09:00 on.
        var from = Sps((Date, "20261128-"), (Time, "0900-"));
        Assert.True(from.Matches(Nunez with { SpsStartDate = "20261129", SpsStartTime = "0100" }));
        Assert.False(from.Matches(Nunez with { SpsStartDate = "20261128", SpsStartTime = "0859" }));

        // Different forms are matched independently: a date range with a single time.
        var mixed = Sps((Date, "20261127-20261129"), (Time, "0930"));
        Assert.True(mixed.Matches(Nunez));
        Assert.False(mixed.Matches(afternoon));
    }

    [Fact]
    public void Midnight_crossing_time_range_without_combination_is_refused()
    {
        var ex = Assert.Throws<MwlQueryException>(() => Query([], [(Date, "20261127-20261128"), (Time, "2000-0600")],
            new MwlMatchingOptions { CombinedDateTimeMatching = false }));
        Assert.Equal(Time, ex.Tag);
        Assert.Throws<MwlQueryException>(() => Sps((Time, "2000-0600")));
    }

    [Fact]
    public void Query_timezone_shifts_entry_times_into_the_query_zone()
    {
        // Entry at 09:30 +0100 is 10:30 at +0200.
        var q = Query([(DicomTags.TimezoneOffsetFromUTC, "+0200")], [(Date, "20261128"), (Time, "1000-1100")]);
        Assert.True(q.Matches(Nunez));
        Assert.Equal("+0200", q.TimezoneOffsetFromUtc);
        // 23:30 at -0500 on the 28th is 05:30 on the 29th at +0100.
        var late = Nunez with { SpsStartDate = "20261128", SpsStartTime = "2330", TimezoneOffsetFromUtc = "-0500" };
        Assert.True(Query([(DicomTags.TimezoneOffsetFromUTC, "+0100")], [(Date, "20261129")]).Matches(late));
        Assert.False(Query([(DicomTags.TimezoneOffsetFromUTC, "+0100")], [(Date, "20261128")]).Matches(late));
        // Without a query offset the stored local values are compared as they are.
        Assert.True(Sps((Date, "20261128")).Matches(late));
    }

    [Fact]
    public void Universal_matching_and_zero_length_entry_values()
    {
        var universal = Query([(DicomTags.PatientName, ""), (DicomTags.PatientID, ""), (DicomTags.AccessionNumber, "")],
            [(DicomTags.Modality, ""), (Date, ""), (Time, ""), (DicomTags.ScheduledStationAETitle, "")]);
        var empty = new MwlEntry();
        Assert.True(universal.Matches(Nunez));
        Assert.True(universal.Matches(empty));
        // A non-empty key never matches a zero-length value; '*' is universal and does.
        Assert.False(Top((DicomTags.PatientID, "PID*")).Matches(empty));
        Assert.True(Top((DicomTags.PatientID, "*")).Matches(empty));
        Assert.False(Sps((Date, "20261128-")).Matches(empty));
        Assert.False(Sps((Time, "0800-")).Matches(empty));
        // An SPS key with no item, or an empty item, is universal too.
        var noItem = new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence, []);
        Assert.True(MwlQuery.Parse(noItem).Matches(empty));
        var emptyItem = new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset()]);
        Assert.True(MwlQuery.Parse(emptyItem).Matches(empty));
    }

    [Fact]
    public void Code_sequence_items_are_templates()
    {
        var code = new DicomDataset().Set(DicomTags.CodeValue, DicomVR.SH, "CT123");
        Assert.True(MwlQuery.Parse(new DicomDataset().SetSequence(DicomTags.RequestedProcedureCodeSequence, [code])).Matches(Nunez));
        var other = new DicomDataset().Set(DicomTags.CodeValue, DicomVR.SH, "MR1");
        Assert.False(MwlQuery.Parse(new DicomDataset().SetSequence(DicomTags.RequestedProcedureCodeSequence, [other])).Matches(Nunez));
        var protocol = new DicomDataset().SetSequence(DicomTags.ScheduledProtocolCodeSequence, [new DicomDataset().Set(DicomTags.CodeValue, DicomVR.SH, "P1")]);
        Assert.True(MwlQuery.Parse(new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence, [protocol])).Matches(Nunez));
    }

    [Fact]
    public void Unknown_keys_are_not_matched()
    {
        var q = MwlQuery.Parse(new DicomDataset().Set(DicomTags.PatientAge, DicomVR.AS, "045Y").Set(DicomTags.MedicalAlerts, DicomVR.LO, "x"));
        Assert.True(q.Matches(Nunez));
    }

    [Theory]
    [InlineData("2026-11-27")]
    [InlineData("20261301")]
    [InlineData("2026112")]
    [InlineData("20261129-20261127")]
    [InlineData("-")]
    [InlineData("today")]
    public void Malformed_dates_are_refused_with_the_offending_tag(string key)
    {
        Assert.False(MwlQuery.TryParse(Identifier([], [(Date, key)]), null, out _, out var error));
        Assert.Equal(Date, error.Tag);
        Assert.Throws<MwlQueryException>(() => Sps((Date, key)));
    }

    [Theory]
    [InlineData("25")]
    [InlineData("0960")]
    [InlineData("093")]
    [InlineData("0930.5")]
    [InlineData("093000.1234567")]
    public void Malformed_times_are_refused(string key)
    {
        var ex = Assert.Throws<MwlQueryException>(() => Sps((Time, key)));
        Assert.Equal(Time, ex.Tag);
    }

    [Fact]
    public void Malformed_structure_is_refused()
    {
        var twoItems = new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset(), new DicomDataset()]);
        Assert.Equal(DicomTags.ScheduledProcedureStepSequence, Assert.Throws<MwlQueryException>(() => MwlQuery.Parse(twoItems)).Tag);
        var notSq = new DicomDataset().SetBytes(DicomTags.ScheduledProcedureStepSequence, DicomVR.UN, new byte[] { 1, 2 });
        Assert.Throws<MwlQueryException>(() => MwlQuery.Parse(notSq));
        Assert.Throws<MwlQueryException>(() => Top((DicomTags.TimezoneOffsetFromUTC, "0100")));
    }

    [Fact]
    public void Exposes_index_values()
    {
        var q = Query([(DicomTags.AccessionNumber, "ACC0001"), (DicomTags.PatientID, "PID*")],
            [(DicomTags.Modality, "CT"), (DicomTags.ScheduledStationAETitle, "CT01"), (Date, "20261127-20261129")]);
        Assert.Equal("CT", q.Modality);
        Assert.Equal("CT01", q.StationAeTitle);
        Assert.Equal("ACC0001", q.AccessionNumber);
        Assert.Null(q.PatientId); // wildcard: not an index key
        Assert.Equal(new DateOnly(2026, 11, 27), q.DateFrom);
        Assert.Equal(new DateOnly(2026, 11, 29), q.DateTo);
        var open = Sps((Date, "20261127-"), (DicomTags.Modality, "C?"));
        Assert.Equal(new DateOnly(2026, 11, 27), open.DateFrom);
        Assert.Null(open.DateTo);
        Assert.Null(open.Modality);
        var single = Sps((Date, "20261128"));
        Assert.Equal(single.DateFrom, single.DateTo);
        Assert.Null(Top().DateFrom);
    }

    [Fact]
    public void The_findscu_identifier_from_the_wire_matches()
    {
        var identifier = DicomDatasetReader.Read(Data.TestBytes.Hex(Data.DicomDatasetReaderTests.FindscuIdentifierExplicit), DicomTransferSyntax.ExplicitVRLittleEndian);
        var q = MwlQuery.Parse(identifier);
        var muller = Nunez with { PatientName = "MÜLLER^HANS", SpsStartDate = "20261129" };
        Assert.True(q.Matches(muller));
        Assert.False(q.Matches(muller with { Modality = "MR" }));
        Assert.False(q.Matches(muller with { SpsStartDate = "20261130" }));
        Assert.False(q.Matches(Nunez));
        Assert.Equal("CT", q.Modality);
        Assert.Equal("CT01", q.StationAeTitle);
    }

    [Fact]
    public void Matching_with_the_start_parsed_beforehand_agrees_with_matching_the_strings()
    {
        string[] dates = ["20261128", "20261127", "20261129", "", "2026112", "20261301"];
        string[] times = ["0930", "093000.5", "2359", "0000", "", "25"];
        string[] offsets = ["-0600", "+0100", "+0000", "", "bad"];
        string[] dateKeys = ["20261128", "20261127-20261128", "-20261127", "20261129-", ""];
        string[] timeKeys = ["0900-1000", "", "2300-", "-0930", "093000"];
        var random = new Random(42);
        for (var n = 0; n < 2_000; n++)
        {
            var entry = MwlTestData.Nunez with
            {
                SpsStartDate = dates[random.Next(dates.Length)],
                SpsStartTime = times[random.Next(times.Length)],
                TimezoneOffsetFromUtc = offsets[random.Next(offsets.Length)],
            };
            var top = random.Next(2) == 0 ? [] : new[] { (DicomTags.TimezoneOffsetFromUTC, offsets[random.Next(3)]) };
            var query = MwlTestData.Query(top, [(DicomTags.ScheduledProcedureStepStartDate, dateKeys[random.Next(dateKeys.Length)]), (DicomTags.ScheduledProcedureStepStartTime, timeKeys[random.Next(timeKeys.Length)])]);
            Assert.Equal(query.Matches(entry), query.Matches(entry, MwlSpsStart.Of(entry)));
        }
    }
}
