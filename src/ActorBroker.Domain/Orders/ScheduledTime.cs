using System.Globalization;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// A scheduled instant and how the site's modalities see it: DICOM DA and TM in the site's local
/// time and the Timezone Offset From UTC (0008,0201) that makes them absolute again. Time is
/// HHMMSS, or "" when the sender gave only a date (DICOM: an empty TM is an unknown time).
/// </summary>
// DICOM PS3.5 6.2 (DA, TM), PS3.3 C.12.1.1.8 (Timezone Offset From UTC, "+hhmm"/"-hhmm")
public sealed record ScheduledTime(DateTimeOffset Instant, string Date, string Time, string UtcOffset)
{
    /// <summary>An absolute instant as seen on the site's wall clock.</summary>
    public static ScheduledTime At(DateTimeOffset instant, TimeZoneInfo siteZone, bool hasTime = true)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        var local = TimeZoneInfo.ConvertTime(instant, siteZone);
        return new ScheduledTime(
            instant,
            local.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            hasTime ? local.ToString("HHmmss", CultureInfo.InvariantCulture) : "",
            FormatOffset(local.Offset));
    }

    /// <summary>
    /// A wall-clock time in the site's zone (an HL7 timestamp sent without an offset). Around a
    /// DST change the wall clock is not a function of the instant, so, as java.time (and thus
    /// dcm4chee) does: a time that occurs twice (fall back) is the earlier instant, with the
    /// summer offset; a time that does not exist (spring forward) is moved forward by the gap
    /// (02:30 on a 1-hour spring-forward day is 03:30).
    /// </summary>
    public static ScheduledTime AtLocal(DateTime wallTime, TimeZoneInfo siteZone, bool hasTime = true)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        var unspecified = DateTime.SpecifyKind(wallTime, DateTimeKind.Unspecified);
        DateTimeOffset instant;
        if (siteZone.IsInvalidTime(unspecified))
        {
            // The offset before the gap applied to the nominal time yields the instant the clock
            // reads "gap later": e.g. 02:30 at -06:00 is 08:30Z, which is 03:30 CDT.
            var before = siteZone.GetUtcOffset(unspecified.AddHours(-3));
            instant = new DateTimeOffset(unspecified, before);
        }
        else if (siteZone.IsAmbiguousTime(unspecified))
        {
            var offsets = siteZone.GetAmbiguousTimeOffsets(unspecified);
            instant = new DateTimeOffset(unspecified, offsets.Max());
        }
        else
        {
            instant = new DateTimeOffset(unspecified, siteZone.GetUtcOffset(unspecified));
        }

        return At(instant, siteZone, hasTime);
    }

    /// <summary>"+hhmm" / "-hhmm" as DICOM (0008,0201) writes it; zero is "+0000".</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}{abs.Minutes:00}");
    }
}
