using System.Globalization;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// DA and TM values as used in matching (PS3.5 6.2): dates as <see cref="DateOnly"/>, times as the span of
/// microseconds of the day a value denotes at its precision ("0930" is 09:30:00.000000-09:30:59.999999).
/// </summary>
internal static class DicomDateTime
{
    public const long MicrosPerDay = 86_400_000_000L;

    // PS3.5 6.2 DA: YYYYMMDD.
    public static bool TryParseDate(string value, out DateOnly date)
    {
        date = default;
        var s = value.Trim();
        return s.Length == 8 && s.All(char.IsAsciiDigit) &&
            DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    // PS3.5 6.2 TM: HH[MM[SS[.F{1,6}]]]; the pre-3.0 form HH:MM:SS.frac is accepted too (PS3.5 recommends it).
    public static bool TryParseTime(string value, out long startMicros, out long endMicros)
    {
        startMicros = endMicros = 0;
        var s = value.Trim().Replace(":", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var main = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : "";
        if (main.Length is not (2 or 4 or 6) || !main.All(char.IsAsciiDigit)) return false;
        if (frac.Length > 6 || !frac.All(char.IsAsciiDigit) || (dot >= 0 && (frac.Length == 0 || main.Length != 6))) return false;
        var hh = int.Parse(main.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var mm = main.Length >= 4 ? int.Parse(main.AsSpan(2, 2), CultureInfo.InvariantCulture) : 0;
        var ss = main.Length >= 6 ? int.Parse(main.AsSpan(4, 2), CultureInfo.InvariantCulture) : 0;
        if (hh > 23 || mm > 59 || ss > 60) return false;
        ss = Math.Min(ss, 59); // a leap second sorts with the second before it
        long unit;
        long micros = ((hh * 60L + mm) * 60L + ss) * 1_000_000L;
        if (frac.Length > 0)
        {
            micros += long.Parse(frac.PadRight(6, '0'), CultureInfo.InvariantCulture);
            unit = (long)Math.Pow(10, 6 - frac.Length);
        }
        else
        {
            unit = main.Length switch { 2 => 3_600_000_000L, 4 => 60_000_000L, _ => 1_000_000L };
        }
        startMicros = micros;
        endMicros = micros + unit - 1;
        return true;
    }

    /// <summary>"+HHMM"/"-HHMM" (PS3.3 C.12.1.1.8) as minutes east of UTC.</summary>
    public static bool TryParseOffset(string value, out int minutes)
    {
        minutes = 0;
        var s = value.Trim();
        if (s.Length != 5 || (s[0] != '+' && s[0] != '-') || !s[1..].All(char.IsAsciiDigit)) return false;
        var hh = int.Parse(s.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var mm = int.Parse(s.AsSpan(3, 2), CultureInfo.InvariantCulture);
        if (hh > 14 || mm > 59) return false;
        minutes = (hh * 60 + mm) * (s[0] == '-' ? -1 : 1);
        return true;
    }

    /// <summary>Splits a range key (PS3.4 C.2.2.2.5): "A" (single), "A-", "-B", "A-B". False when there is more than one '-' or nothing.</summary>
    public static bool TrySplitRange(string value, out string? lower, out string? upper, out bool isRange)
    {
        lower = upper = null;
        var s = value.Trim();
        var dash = s.IndexOf('-', StringComparison.Ordinal);
        isRange = dash >= 0;
        if (!isRange)
        {
            lower = upper = s;
            return s.Length > 0;
        }
        if (s.IndexOf('-', dash + 1) >= 0) return false;
        var a = s[..dash].Trim();
        var b = s[(dash + 1)..].Trim();
        if (a.Length == 0 && b.Length == 0) return false;
        lower = a.Length > 0 ? a : null;
        upper = b.Length > 0 ? b : null;
        return true;
    }
}
