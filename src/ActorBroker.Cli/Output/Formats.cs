using System.Globalization;
using System.Text;
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

    /// <summary>
    /// A DICOM DT value ("20261128101500", optionally with fraction and offset) as
    /// "2026-11-28 10:15:00" (" +01:00" appended when it has an offset). Shorter values keep the
    /// components they have; anything that is not DT is shown as received.
    /// </summary>
    // DICOM PS3.5 6.2 (DT: YYYYMMDDHHMMSS.FFFFFF&ZZXX, trailing components optional)
    public static string? DicomDateTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var match = DicomDt().Match(text.TrimEnd(' '));
        if (!match.Success)
        {
            return text;
        }

        string Group(string name) => match.Groups[name].Value;
        var builder = new StringBuilder(Group("y"));
        if (match.Groups["mo"].Success)
        {
            builder.Append('-').Append(Group("mo"));
        }

        if (match.Groups["d"].Success)
        {
            builder.Append('-').Append(Group("d"));
        }

        if (match.Groups["h"].Success)
        {
            builder.Append(' ').Append(Group("h"));
        }

        if (match.Groups["mi"].Success)
        {
            builder.Append(':').Append(Group("mi"));
        }

        if (match.Groups["s"].Success)
        {
            builder.Append(':').Append(Group("s")).Append(Group("f"));
        }

        if (match.Groups["z"].Success)
        {
            var zone = Group("z");
            builder.Append(' ').Append(zone.AsSpan(0, 3)).Append(':').Append(zone.AsSpan(3));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Long free text (an error from a receiver) for a table cell: made terminal-safe, then cut to
    /// <paramref name="columns"/> columns with "…". Null stays null (printed "-").
    /// </summary>
    public static string? Clip(string? text, int columns) =>
        string.IsNullOrEmpty(text) ? text : DisplayWidth.Truncate(TerminalText.Sanitize(text), columns);

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<mo>\d{2})(?:(?<d>\d{2})(?:(?<h>\d{2})(?:(?<mi>\d{2})(?:(?<s>\d{2})(?<f>\.\d{1,6})?)?)?)?)?)?(?<z>[+-]\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DicomDt();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
