using ActorBroker.Domain.Orders;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// HL7 timestamps as a site sees them. A timestamp with an offset is an instant and is shown on
/// the site's wall clock (a 10:00+0100 order for a Chicago site is 03:00 there); one without an
/// offset is the site's wall-clock time (see <see cref="ScheduledTime.AtLocal"/> for DST gaps and
/// overlaps). A date-only value has no time: DICOM then gets the date and an empty TM, and the
/// date is taken as written (an offset on a bare date means nothing).
/// </summary>
// HL7 2.5.1 2A.77 (TS); DICOM PS3.5 6.2 (DA, TM), PS3.3 C.12.1.1.8 (Timezone Offset From UTC)
internal static class SiteTime
{
    public static ScheduledTime ToScheduledTime(Hl7Timestamp ts, TimeZoneInfo zone)
    {
        if (ts.Precision < Hl7TimestampPrecision.Hour)
        {
            return ScheduledTime.AtLocal(ts.Local.Date, zone, hasTime: false);
        }

        return ts.ToDateTimeOffset() is { } instant
            ? ScheduledTime.At(instant, zone)
            : ScheduledTime.AtLocal(ts.Local, zone);
    }
}
