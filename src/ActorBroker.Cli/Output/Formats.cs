using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorBroker.Cli.Output;

/// <summary>Human renderings of the API's values for tables.</summary>
internal static partial class Formats
{
    /// <summary>
    /// An ISO 8601 timestamp with offset ("2026-11-28T10:30:00-06:00") as "2026-11-28 10:30:00 -06:00",
    /// keeping the offset the broker gave (the site's local time for scheduled starts). Anything
    /// else is shown as received.
    /// </summary>
    public static string? Timestamp(string? text)
    {
        if (string.IsNullOrEmpty(text) || !IsoWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return text;
        }

        return value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Seconds as "1d 02h 03m 04s", "2h 03m 04s", "3m 04s" or "4s".</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + " s";
        }

        var span = TimeSpan.FromSeconds(Math.Floor(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds - 1)));
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays}d {span.Hours:00}h {span.Minutes:00}m {span.Seconds:00}s";
        }

        if (span.TotalHours >= 1)
        {
            return $"{span.Hours}h {span.Minutes:00}m {span.Seconds:00}s";
        }

        return span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds:00}s" : $"{span.Seconds}s";
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
