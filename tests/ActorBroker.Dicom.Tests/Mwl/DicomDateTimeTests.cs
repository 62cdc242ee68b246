using System.Globalization;
using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Dicom.Tests.Mwl;

/// <summary>
/// The allocation-free DA/TM parsers (PS3.5 6.2) against straightforward string-based reference parsers (the
/// framework's yyyyMMdd parser for dates), on edge cases and on random strings from the characters that matter.
/// </summary>
public sealed class DicomDateTimeTests
{
    [Theory]
    [InlineData("20261128", true)]
    [InlineData(" 20261128 ", true)]
    [InlineData("20240229", true)]
    [InlineData("19000229", false)]
    [InlineData("00010101", true)]
    [InlineData("00000101", false)]
    [InlineData("99991231", true)]
    [InlineData("20261300", false)]
    [InlineData("20261131", false)]
    [InlineData("2026-11-28", false)]
    [InlineData("2026112", false)]
    [InlineData("", false)]
    [InlineData("２０２６１１２８", false)] // full-width digits are not ASCII digits
    public void Dates_parse_like_the_reference(string value, bool valid)
    {
        Assert.Equal(valid, DicomDateTime.TryParseDate(value, out var d));
        Assert.Equal(ReferenceDate(value), valid ? d : null);
    }

    [Theory]
    [InlineData("09", 32_400_000_000L, 35_999_999_999L)]
    [InlineData("0930", 34_200_000_000L, 34_259_999_999L)]
    [InlineData("093000", 34_200_000_000L, 34_200_999_999L)]
    [InlineData("093000.5", 34_200_500_000L, 34_200_599_999L)]
    [InlineData("09:30:00.123456", 34_200_123_456L, 34_200_123_456L)]
    [InlineData("235960", 86_399_000_000L, 86_399_999_999L)]
    public void Times_are_the_span_their_precision_denotes(string value, long start, long end)
    {
        Assert.True(DicomDateTime.TryParseTime(value, out var s, out var e));
        Assert.Equal((start, end), (s, e));
    }

    [Fact]
    public void Random_dates_times_and_offsets_parse_like_the_reference()
    {
        var random = new Random(6);
        const string dateChars = "0123456789 -./";
        const string timeChars = "0123456789:. ";
        for (var i = 0; i < 200_000; i++)
        {
            var date = RandomString(random, dateChars, random.Next(6, 11));
            Assert.Equal(ReferenceDate(date), DicomDateTime.TryParseDate(date, out var d) ? d : null);

            var time = RandomString(random, timeChars, random.Next(0, 18));
            var reference = ReferenceTime(time);
            var actual = DicomDateTime.TryParseTime(time, out var s, out var e) ? (s, e) : ((long, long)?)null;
            Assert.True(reference == actual, $"'{time}': {reference} != {actual}");

            var offset = RandomString(random, "+-0123456789 ", random.Next(4, 7));
            Assert.Equal(ReferenceOffset(offset), DicomDateTime.TryParseOffset(offset, out var m) ? m : null);
        }

        // Mostly valid-looking values too, so the arithmetic is exercised and not only the rejections.
        for (var i = 0; i < 50_000; i++)
        {
            var date = $"{random.Next(0, 10_000):D4}{random.Next(0, 14):D2}{random.Next(0, 33):D2}";
            Assert.Equal(ReferenceDate(date), DicomDateTime.TryParseDate(date, out var d) ? d : null);
            var time = $"{random.Next(0, 25):D2}{random.Next(0, 61):D2}{random.Next(0, 62):D2}" + (random.Next(2) == 0 ? "" : "." + random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)[..random.Next(1, 7)]);
            Assert.Equal(ReferenceTime(time), DicomDateTime.TryParseTime(time, out var s, out var e) ? (s, e) : null);
        }
    }

    private static string RandomString(Random r, string chars, int length) =>
        string.Create(length, (r, chars), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = state.chars[state.r.Next(state.chars.Length)];
        });

    private static DateOnly? ReferenceDate(string value)
    {
        var s = value.Trim();
        return s.Length == 8 && s.All(char.IsAsciiDigit) && DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    // PS3.5 6.2 TM, written the obvious way with strings.
    private static (long, long)? ReferenceTime(string value)
    {
        var s = value.Trim().Replace(":", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var main = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : "";
        if (main.Length is not (2 or 4 or 6) || !main.All(char.IsAsciiDigit)) return null;
        if (frac.Length > 6 || !frac.All(char.IsAsciiDigit) || (dot >= 0 && (frac.Length == 0 || main.Length != 6))) return null;
        var hh = int.Parse(main[..2], CultureInfo.InvariantCulture);
        var mm = main.Length >= 4 ? int.Parse(main[2..4], CultureInfo.InvariantCulture) : 0;
        var ss = main.Length >= 6 ? int.Parse(main[4..6], CultureInfo.InvariantCulture) : 0;
        if (hh > 23 || mm > 59 || ss > 60) return null;
        ss = Math.Min(ss, 59);
        var micros = ((hh * 60L + mm) * 60L + ss) * 1_000_000L;
        long unit;
        if (frac.Length > 0)
        {
            micros += long.Parse(frac.PadRight(6, '0'), CultureInfo.InvariantCulture);
            unit = (long)Math.Pow(10, 6 - frac.Length);
        }
        else
        {
            unit = main.Length switch { 2 => 3_600_000_000L, 4 => 60_000_000L, _ => 1_000_000L };
        }

        return (micros, micros + unit - 1);
    }

    private static int? ReferenceOffset(string value)
    {
        var s = value.Trim();
        if (s.Length != 5 || (s[0] != '+' && s[0] != '-') || !s[1..].All(char.IsAsciiDigit)) return null;
        var hh = int.Parse(s[1..3], CultureInfo.InvariantCulture);
        var mm = int.Parse(s[3..5], CultureInfo.InvariantCulture);
        return hh > 14 || mm > 59 ? null : (hh * 60 + mm) * (s[0] == '-' ? -1 : 1);
    }
}
