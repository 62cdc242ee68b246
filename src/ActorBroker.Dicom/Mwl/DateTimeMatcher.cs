using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Range Matching of a DA key and its TM partner (PS3.4 C.2.2.2.5): single dates/times, "A-", "-B", "A-B",
/// independently (date in its range AND time in its range) or, when both use the same form of range and combined
/// matching is on, as one date-time range. Entry date/times are shifted into the query's timezone when both sides
/// carry a Timezone Offset From UTC (0008,0201) and they differ.
/// </summary>
internal sealed class DateTimeMatcher
{
    private readonly DateOnly? _dateFrom;
    private readonly DateOnly? _dateTo;
    private readonly long? _timeFrom;
    private readonly long? _timeTo;
    private readonly bool _hasDate;
    private readonly bool _hasTime;
    private readonly bool _combined;
    private readonly int? _queryOffset;

    private DateTimeMatcher(DateOnly? dateFrom, DateOnly? dateTo, bool hasDate, long? timeFrom, long? timeTo, bool hasTime, bool combined, int? queryOffset)
    {
        _dateFrom = dateFrom;
        _dateTo = dateTo;
        _hasDate = hasDate;
        _timeFrom = timeFrom;
        _timeTo = timeTo;
        _hasTime = hasTime;
        _combined = combined;
        _queryOffset = queryOffset;
    }

    public DateOnly? DateFrom => _dateFrom;

    public DateOnly? DateTo => _dateTo;

    /// <summary>Null when both keys are universal. Throws <see cref="MwlQueryException"/> for malformed values.</summary>
    public static DateTimeMatcher? Create(string dateQuery, DicomTag dateTag, string timeQuery, DicomTag timeTag, bool combinedAllowed, int? queryOffset)
    {
        var hasDate = dateQuery.Trim().Length > 0;
        var hasTime = timeQuery.Trim().Length > 0;
        if (!hasDate && !hasTime) return null;
        DateOnly? d1 = null, d2 = null;
        long? t1 = null, t2 = null;
        var dateIsRange = false;
        var timeIsRange = false;
        string? dateLower = null, dateUpper = null, timeLower = null, timeUpper = null;
        if (hasDate)
        {
            if (!DicomDateTime.TrySplitRange(dateQuery, out dateLower, out dateUpper, out dateIsRange))
                throw new MwlQueryException(dateTag, $"'{dateQuery.Trim()}' is not a date or date range");
            d1 = dateLower is null ? null : ParseDate(dateLower, dateTag);
            d2 = dateUpper is null ? null : ParseDate(dateUpper, dateTag);
            if (d1 > d2) throw new MwlQueryException(dateTag, $"date range '{dateQuery.Trim()}' ends before it starts");
        }
        if (hasTime)
        {
            if (!DicomDateTime.TrySplitRange(timeQuery, out timeLower, out timeUpper, out timeIsRange))
                throw new MwlQueryException(timeTag, $"'{timeQuery.Trim()}' is not a time or time range");
            if (timeLower is not null) t1 = ParseTime(timeLower, timeTag).Start;
            if (timeUpper is not null) t2 = ParseTime(timeUpper, timeTag).End;
        }
        // PS3.4 C.2.2.2.5: "a pair of Attributes that are a date and a time, both of which specify the same form of
        // range matching" are matched as one datetime.
        var sameForm = hasDate && hasTime && dateIsRange && timeIsRange &&
            (dateLower is null) == (timeLower is null) && (dateUpper is null) == (timeUpper is null);
        var combined = combinedAllowed && sameForm;
        if (!combined && t1 > t2)
            throw new MwlQueryException(timeTag, $"time range '{timeQuery.Trim()}' crosses midnight (only with a date range of the same form)");
        return new DateTimeMatcher(d1, d2, hasDate, t1, t2, hasTime, combined, queryOffset);
    }

    /// <summary>
    /// True when every entry whose date is <paramref name="date"/> matches, whatever its time and offset: a date (or
    /// date range) key that holds the date, with no time key and no query Timezone Offset From UTC (so no shift).
    /// </summary>
    public bool ImpliedBy(DateOnly date) =>
        _hasDate && !_hasTime && !_combined && _queryOffset is null && (_dateFrom is not { } from || date >= from) && (_dateTo is not { } to || date <= to);

    public bool Matches(string entryDate, string entryTime, string entryOffset) => Matches(MwlSpsStart.Parse(entryDate, entryTime, entryOffset));

    public bool Matches(in MwlSpsStart start)
    {
        var (hasEntryDate, date, hasEntryTime, time) = (start.HasDate, start.Date, start.HasTime, start.TimeMicros);
        if (_hasDate && !hasEntryDate) return false;
        if (_hasTime && !hasEntryTime) return false;
        if (hasEntryDate && hasEntryTime && _queryOffset is { } q && start.HasOffset && start.OffsetMinutes is var e && e != q)
        {
            var moment = date.DayNumber * DicomDateTime.MicrosPerDay + time + (q - e) * 60_000_000L;
            date = DateOnly.FromDayNumber((int)Math.Floor(moment / (double)DicomDateTime.MicrosPerDay));
            time = moment - date.DayNumber * DicomDateTime.MicrosPerDay;
        }
        if (_combined)
        {
            var moment = date.DayNumber * DicomDateTime.MicrosPerDay + time;
            if (_dateFrom is { } df && moment < df.DayNumber * DicomDateTime.MicrosPerDay + _timeFrom!.Value) return false;
            if (_dateTo is { } dt && moment > dt.DayNumber * DicomDateTime.MicrosPerDay + _timeTo!.Value) return false;
            return true;
        }
        if (_hasDate && ((_dateFrom is { } from && date < from) || (_dateTo is { } to && date > to))) return false;
        if (_hasTime && ((_timeFrom is { } tf && time < tf) || (_timeTo is { } tt && time > tt))) return false;
        return true;
    }

    private static DateOnly ParseDate(string value, DicomTag tag) =>
        DicomDateTime.TryParseDate(value, out var d) ? d : throw new MwlQueryException(tag, $"'{value}' is not a date (YYYYMMDD)");

    private static (long Start, long End) ParseTime(string value, DicomTag tag) =>
        DicomDateTime.TryParseTime(value, out var s, out var e) ? (s, e) : throw new MwlQueryException(tag, $"'{value}' is not a time (HHMMSS.FFFFFF)");
}
