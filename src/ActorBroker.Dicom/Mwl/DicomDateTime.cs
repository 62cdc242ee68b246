namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// DA and TM values as used in matching (PS3.5 6.2): dates as <see cref="DateOnly"/>, times as the span of
/// microseconds of the day a value denotes at its precision ("0930" is 09:30:00.000000-09:30:59.999999).
/// Parsed from spans without allocating: a worklist query parses the SPS date and time of every candidate.
/// </summary>
internal static class DicomDateTime
{
    public const long MicrosPerDay = 86_400_000_000L;

    // Longest TM value worth parsing without allocating (PS3.5 6.2: 14 bytes, 16 with the pre-3.0 colons).
    private const int StackTimeLength = 64;

    // PS3.5 6.2 DA: YYYYMMDD (a calendar date; year 0000 does not exist).
    public static bool TryParseDate(string value, out DateOnly date) => TryParseDate(value.AsSpan(), out date);

    public static bool TryParseDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        var s = value.Trim();
        if (s.Length != 8 || !AllDigits(s)) return false;
        var year = Digits(s[..4]);
        var month = Digits(s.Slice(4, 2));
        var day = Digits(s.Slice(6, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // PS3.5 6.2 TM: HH[MM[SS[.F{1,6}]]]; the pre-3.0 form HH:MM:SS.frac is accepted too (PS3.5 recommends it).
    public static bool TryParseTime(string value, out long startMicros, out long endMicros) => TryParseTime(value.AsSpan(), out startMicros, out endMicros);

    public static bool TryParseTime(ReadOnlySpan<char> value, out long startMicros, out long endMicros)
    {
        startMicros = endMicros = 0;
        var trimmed = value.Trim();
        if (trimmed.IndexOf(':') < 0) return TryParseTimeNoColons(trimmed, out startMicros, out endMicros);
        if (trimmed.Length > StackTimeLength) return TryParseTimeNoColons(trimmed.ToString().Replace(":", "", StringComparison.Ordinal), out startMicros, out endMicros);
        Span<char> buffer = stackalloc char[StackTimeLength];
        var n = 0;
        foreach (var c in trimmed)
        {
            if (c != ':') buffer[n++] = c;
        }
        return TryParseTimeNoColons(buffer[..n], out startMicros, out endMicros);
    }

    /// <summary>"+HHMM"/"-HHMM" (PS3.3 C.12.1.1.8) as minutes east of UTC.</summary>
    public static bool TryParseOffset(string value, out int minutes)
    {
        minutes = 0;
        var s = value.AsSpan().Trim();
        if (s.Length != 5 || (s[0] != '+' && s[0] != '-') || !AllDigits(s[1..])) return false;
        var hh = Digits(s.Slice(1, 2));
        var mm = Digits(s.Slice(3, 2));
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

    private static bool TryParseTimeNoColons(ReadOnlySpan<char> s, out long startMicros, out long endMicros)
    {
        startMicros = endMicros = 0;
        var dot = s.IndexOf('.');
        var main = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : [];
        if (main.Length is not (2 or 4 or 6) || !AllDigits(main)) return false;
        if (frac.Length > 6 || !AllDigits(frac) || (dot >= 0 && (frac.Length == 0 || main.Length != 6))) return false;
        var hh = Digits(main[..2]);
        var mm = main.Length >= 4 ? Digits(main.Slice(2, 2)) : 0;
        var ss = main.Length >= 6 ? Digits(main.Slice(4, 2)) : 0;
        if (hh > 23 || mm > 59 || ss > 60) return false;
        ss = Math.Min(ss, 59); // a leap second sorts with the second before it
        long unit;
        long micros = ((hh * 60L + mm) * 60L + ss) * 1_000_000L;
        if (frac.Length > 0)
        {
            // The fraction as microseconds: its digits, then zeros up to six.
            long f = Digits(frac);
            unit = 1;
            for (var i = frac.Length; i < 6; i++)
            {
                f *= 10;
                unit *= 10;
            }
            micros += f;
        }
        else
        {
            unit = main.Length switch { 2 => 3_600_000_000L, 4 => 60_000_000L, _ => 1_000_000L };
        }
        startMicros = micros;
        endMicros = micros + unit - 1;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    // At most 6 ASCII digits (checked by the caller).
    private static int Digits(ReadOnlySpan<char> s)
    {
        var v = 0;
        foreach (var c in s) v = v * 10 + (c - '0');
        return v;
    }
}
