using System.Globalization;

namespace ActorBroker.Hl7;

/// <summary>
/// A TS/DTM value: YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]. <see cref="Local"/> is the wall-clock
/// value exactly as written (Kind Unspecified, missing parts at their minimum), <see cref="Offset"/>
/// the UTC offset when one was sent: the broker decides per site what an absent offset means.
/// </summary>
// HL7 2.5.1 ch. 2A.22 (DTM date/time) and 2A.77 (TS time stamp)
public readonly record struct Hl7Timestamp(DateTime Local, TimeSpan? Offset, Hl7TimestampPrecision Precision)
{
    /// <summary>The instant, when an offset was sent.</summary>
    public DateTimeOffset? ToDateTimeOffset() => Offset is { } offset ? new DateTimeOffset(Local, offset) : null;

    /// <summary>The instant, assuming <paramref name="assumedOffset"/> when none was sent.</summary>
    public DateTimeOffset ToDateTimeOffset(TimeSpan assumedOffset) => new(Local, Offset ?? assumedOffset);

    /// <summary>Parses a TS; false for anything malformed or out of range (month 13, 25:00, Feb 30...).</summary>
    public static bool TryParse(string? ts, out Hl7Timestamp value)
    {
        value = default;
        if (string.IsNullOrEmpty(ts))
        {
            return false;
        }

        var s = ts.AsSpan().Trim();
        TimeSpan? offset = null;
        var sign = s.IndexOfAny('+', '-');
        if (sign >= 0)
        {
            var zone = s[(sign + 1)..];
            if (zone.Length != 4 || !AllDigits(zone))
            {
                return false;
            }

            var hours = Digits(zone, 0, 2);
            var minutes = Digits(zone, 2, 2);
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            var span = new TimeSpan(hours, minutes, 0);
            offset = s[sign] == '-' ? -span : span;
            s = s[..sign];
        }

        var ticks = 0L;
        var fractional = false;
        var dot = s.IndexOf('.');
        if (dot >= 0)
        {
            var fraction = s[(dot + 1)..];
            if (dot != 14 || fraction.Length == 0 || !AllDigits(fraction))
            {
                return false;
            }

            // Keep at most 7 digits (100 ns ticks); more precision than that is noise.
            var digits = fraction[..Math.Min(7, fraction.Length)];
            ticks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            for (var i = digits.Length; i < 7; i++)
            {
                ticks *= 10;
            }

            fractional = true;
            s = s[..dot];
        }

        if (s.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !AllDigits(s))
        {
            return false;
        }

        var year = Digits(s, 0, 4);
        var month = s.Length >= 6 ? Digits(s, 4, 2) : 1;
        var day = s.Length >= 8 ? Digits(s, 6, 2) : 1;
        var hour = s.Length >= 10 ? Digits(s, 8, 2) : 0;
        var minute = s.Length >= 12 ? Digits(s, 10, 2) : 0;
        var second = s.Length >= 14 ? Digits(s, 12, 2) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var precision = fractional ? Hl7TimestampPrecision.FractionOfSecond : s.Length switch
        {
            4 => Hl7TimestampPrecision.Year,
            6 => Hl7TimestampPrecision.Month,
            8 => Hl7TimestampPrecision.Day,
            10 => Hl7TimestampPrecision.Hour,
            12 => Hl7TimestampPrecision.Minute,
            _ => Hl7TimestampPrecision.Second,
        };
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        value = new Hl7Timestamp(local, offset, precision);
        return true;
    }

    /// <summary>Parses a TS or throws AE DataTypeError (102) at <paramref name="location"/>.</summary>
    public static Hl7Timestamp Parse(string? ts, Hl7Location location)
    {
        if (TryParse(ts, out var value))
        {
            return value;
        }

        throw new Hl7Exception(
            new Hl7Error(Hl7ErrorCode.DataTypeError, location, $"{location} '{ts}' is not a valid HL7 timestamp (YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ])"),
            AckCode.AE);
    }

    /// <summary>Formats as YYYYMMDDHHMMSS (up to the precision) with the offset when known.</summary>
    public override string ToString()
    {
        var format = Precision switch
        {
            Hl7TimestampPrecision.Year => "yyyy",
            Hl7TimestampPrecision.Month => "yyyyMM",
            Hl7TimestampPrecision.Day => "yyyyMMdd",
            Hl7TimestampPrecision.Hour => "yyyyMMddHH",
            Hl7TimestampPrecision.Minute => "yyyyMMddHHmm",
            Hl7TimestampPrecision.Second => "yyyyMMddHHmmss",
            _ => "yyyyMMddHHmmss.ffff",
        };
        var text = Local.ToString(format, CultureInfo.InvariantCulture);
        if (Offset is { } offset)
        {
            text += (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
        }

        return text;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(ReadOnlySpan<char> s, int start, int length) =>
        int.Parse(s.Slice(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
