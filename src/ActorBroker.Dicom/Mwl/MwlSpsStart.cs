namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// An entry's Scheduled Procedure Step Start Date (0040,0002), Start Time (0040,0003) and Timezone Offset From UTC
/// (0008,0201) parsed once (PS3.5 6.2 DA, TM, SH "&amp;ZZXX"), so that date/time range matching of a query against
/// thousands of items compares numbers instead of re-parsing each item's strings (and touching them).
/// </summary>
public readonly record struct MwlSpsStart(bool HasDate, DateOnly Date, bool HasTime, long TimeMicros, bool HasOffset, int OffsetMinutes)
{
    public static MwlSpsStart Of(MwlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Parse(entry.SpsStartDate, entry.SpsStartTime, entry.TimezoneOffsetFromUtc);
    }

    /// <summary>A DA, a TM and an offset value parsed (any of them may be empty or invalid: then it is absent).</summary>
    public static MwlSpsStart Parse(string date, string time, string offset)
    {
        var hasDate = DicomDateTime.TryParseDate(date, out var d);
        var hasTime = DicomDateTime.TryParseTime(time, out var t, out _);
        var hasOffset = DicomDateTime.TryParseOffset(offset, out var o);
        return new MwlSpsStart(hasDate, d, hasTime, t, hasOffset, o);
    }
}
