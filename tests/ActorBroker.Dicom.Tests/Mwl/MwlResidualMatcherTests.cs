using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using static ActorBroker.Dicom.Tests.Mwl.MwlTestData;

namespace ActorBroker.Dicom.Tests.Mwl;

/// <summary>
/// <see cref="MwlQuery.Residual"/> against the full <see cref="MwlQuery.Matches(MwlEntry, in MwlSpsStart)"/>: for
/// random entries, random queries and every fact an index bucket could state about the entry, the residual's answer
/// is the full match's.
/// </summary>
public sealed class MwlResidualMatcherTests
{
    private static readonly string[] EntryModalities = ["CT", "MR", " CT ", "CT\\MR", "MR\\ CT", "ct", "C", "CTX"];
    private static readonly string[] EntryStations = ["CT01", "CT02", "CT01\\CT02", " CT01", "MR01"];
    private static readonly string[] EntryDates = ["20261128", "20261127", "20261129", " 20261128 ", "20261130"];
    private static readonly string[] EntryTimes = ["093000", "0800", "235959", "000000", ""];
    private static readonly string[] EntryOffsets = ["+0100", "-0600", "", "+1400"];

    private static readonly string[] QueryModalities = ["", "CT", "MR", " CT", "CT ", "ct", "C*", "?T", "CT\\MR", "*", "X"];
    private static readonly string[] QueryStations = ["", "CT01", "CT02", "CT0?", "CT01\\MR01", "MR01"];
    private static readonly string[] QueryDates = ["", "20261128", "20261127-20261129", "20261128-", "-20261128", "20261129", "20261129-20261130"];
    private static readonly string[] QueryTimes = ["", "", "", "0800-1200", "093000", "-0900", "2300-"];
    private static readonly string[] QueryOffsets = ["", "", "", "+0100", "-0600"];

    [Fact]
    public void The_residual_answers_as_the_full_match_for_every_fact_of_the_entry()
    {
        var random = new Random(20261128);
        var universal = 0;
        for (var n = 0; n < 3000; n++)
        {
            var entry = Nunez with
            {
                Modality = Pick(random, EntryModalities),
                ScheduledStationAeTitle = Pick(random, EntryStations),
                SpsStartDate = Pick(random, EntryDates),
                SpsStartTime = Pick(random, EntryTimes),
                TimezoneOffsetFromUtc = Pick(random, EntryOffsets),
            };
            var query = RandomQuery(random);
            var start = MwlSpsStart.Of(entry);
            var expected = query.Matches(entry, start);

            // Every fact a bucket holding this entry could state (or none), in every combination.
            DateOnly? day = start.HasDate ? start.Date : null;
            foreach (var modality in Facts(entry.Modality))
            {
                foreach (var station in Facts(entry.ScheduledStationAeTitle))
                {
                    foreach (var date in day is null ? new DateOnly?[] { null } : [null, day])
                    {
                        var residual = query.Residual(modality, station, date);
                        Assert.True(expected == residual.Matches(entry, start),
                            $"#{n}: entry {entry.Modality}/{entry.ScheduledStationAeTitle}/{entry.SpsStartDate} {entry.SpsStartTime} {entry.TimezoneOffsetFromUtc}, " +
                            $"facts {modality}/{station}/{date}: full {expected}, residual {!expected}");
                        if (residual.IsUniversal)
                        {
                            Assert.True(expected, $"#{n}: a universal residual for an entry the query does not match");
                            universal++;
                        }
                    }
                }
            }
        }

        // The cases that matter (a bucket the query takes whole) came up often.
        Assert.True(universal > 100, $"{universal} universal residuals");
    }

    [Fact]
    public void A_modality_and_date_query_needs_nothing_more_from_its_modality_and_day_bucket()
    {
        var query = Sps((DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, "20261128"), (DicomTags.ScheduledProcedureStepStartTime, ""));
        Assert.True(query.Residual("CT", null, new DateOnly(2026, 11, 28)).IsUniversal);
        Assert.False(query.Residual("CT", null, new DateOnly(2026, 11, 29)).IsUniversal); // another day: the date is still checked
        Assert.False(query.Residual("MR", null, new DateOnly(2026, 11, 28)).IsUniversal); // another modality: still checked
        Assert.False(query.Residual(null, "CT01", new DateOnly(2026, 11, 28)).IsUniversal);
    }

    [Fact]
    public void A_time_range_or_a_query_timezone_or_a_wildcard_is_still_matched()
    {
        var day = new DateOnly(2026, 11, 28);
        var withTime = Sps((DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, "20261128"), (DicomTags.ScheduledProcedureStepStartTime, "0800-1200"));
        Assert.False(withTime.Residual("CT", null, day).IsUniversal);
        Assert.False(withTime.Residual("CT", null, day).Matches(Nunez with { SpsStartTime = "130000" }, MwlSpsStart.Of(Nunez with { SpsStartTime = "130000" })));

        var withOffset = Query(
            [(DicomTags.TimezoneOffsetFromUTC, "-0600")],
            [(DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, "20261128")]);
        Assert.False(withOffset.Residual("CT", null, day).IsUniversal);
        var early = Nunez with { SpsStartTime = "030000", TimezoneOffsetFromUtc = "+0100" }; // 2026-11-27 20:00 at -0600
        Assert.False(withOffset.Matches(early));
        Assert.False(withOffset.Residual("CT", null, day).Matches(early, MwlSpsStart.Of(early)));

        var wildcard = Sps((DicomTags.Modality, "C*"), (DicomTags.ScheduledProcedureStepStartDate, "20261128"));
        Assert.False(wildcard.Residual("CT", null, day).IsUniversal);
    }

    private static IEnumerable<string?> Facts(string value)
    {
        yield return null;
        foreach (var part in value.Split('\\'))
        {
            var key = part.Trim(' ');
            if (key.Length > 0) yield return key;
        }
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];

    private static MwlQuery RandomQuery(Random r)
    {
        var top = new List<(DicomTag, string)> { (DicomTags.PatientName, r.Next(6) == 0 ? "NUNEZ*" : "") };
        var offset = Pick(r, QueryOffsets);
        if (offset.Length > 0) top.Add((DicomTags.TimezoneOffsetFromUTC, offset));
        var date = Pick(r, QueryDates);
        return Query(top,
        [
            (DicomTags.Modality, Pick(r, QueryModalities)),
            (DicomTags.ScheduledStationAETitle, Pick(r, QueryStations)),
            (DicomTags.ScheduledProcedureStepStartDate, date),
            (DicomTags.ScheduledProcedureStepStartTime, Pick(r, QueryTimes)),
        ]);
    }
}
