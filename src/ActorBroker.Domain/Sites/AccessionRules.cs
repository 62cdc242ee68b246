using System.Diagnostics.CodeAnalysis;

namespace ActorBroker.Domain.Sites;

/// <summary>
/// How a site's accession numbers become the ones DICOM carries (Accession Number (0008,0050),
/// VR SH: at most 16 characters, no backslash or control characters). Applied in this order:
/// trim spaces; an exact <see cref="Map"/> entry replaces the whole value (and skips the prefix
/// rule, because a mapping is an explicit answer); otherwise the first of
/// <see cref="StripPrefixes"/> that the value starts with is removed; then upper-case when
/// <see cref="UpperCase"/>. A result that is empty, too long or not valid SH is an error that shows
/// both values, never a silent truncation (a truncated accession would match the wrong study).
/// Prefixes and map keys compare ignoring case when UpperCase is set (the value would be
/// upper-cased anyway), exactly otherwise.
/// </summary>
// DICOM PS3.5 6.2 (SH: 16 characters maximum, no "\" or control characters)
public sealed record AccessionRules(
    IReadOnlyList<string> StripPrefixes,
    IReadOnlyDictionary<string, string> Map,
    int MaxLength = AccessionRules.DicomShMaxLength,
    bool UpperCase = true)
{
    public const int DicomShMaxLength = 16;

    /// <summary>No prefixes, no map, 16 characters, upper case.</summary>
    public static AccessionRules Default { get; } = new([], new Dictionary<string, string>());

    public IReadOnlyList<string> StripPrefixes { get; init; } = StripPrefixes ?? throw new ArgumentNullException(nameof(StripPrefixes));

    public IReadOnlyDictionary<string, string> Map { get; init; } = Map ?? throw new ArgumentNullException(nameof(Map));

    private readonly int _maxLength = CheckMaxLength(MaxLength);

    // A backing field so that `with { MaxLength = 20 }` is checked too.
    public int MaxLength
    {
        get => _maxLength;
        init => _maxLength = CheckMaxLength(value);
    }

    /// <summary>The normalised accession, or an <see cref="ArgumentException"/> that says why there is none.</summary>
    public string Normalise(string raw) =>
        TryNormalise(raw, out var normalised, out var error) ? normalised : throw new ArgumentException(error, nameof(raw));

    public bool TryNormalise(string raw, [NotNullWhen(true)] out string? normalised, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var comparison = UpperCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var value = raw.Trim();
        var mapped = FindMapping(value, comparison);
        if (mapped is not null)
        {
            value = mapped.Trim();
        }
        else
        {
            foreach (var prefix in StripPrefixes)
            {
                if (prefix.Length > 0 && value.StartsWith(prefix, comparison))
                {
                    value = value[prefix.Length..];
                    break;
                }
            }
        }

        if (UpperCase)
        {
            value = value.ToUpperInvariant();
        }

        var shown = string.Equals(value, raw, StringComparison.Ordinal) ? $"'{value}'" : $"'{value}' (sent as '{raw}')";
        normalised = null;
        if (value.Length == 0)
        {
            error = $"accession {shown} is empty after the site's accession rules";
            return false;
        }

        if (value.Length > MaxLength)
        {
            var limit = MaxLength == DicomShMaxLength ? $"DICOM SH allows {DicomShMaxLength}" : $"the site allows {MaxLength}";
            error = $"accession {shown} is {value.Length} characters; {limit}";
            return false;
        }

        foreach (var c in value)
        {
            // SH excludes backslash (the VM separator) and control characters; '|' would break the
            // "SITE|ACCESSION" entity id.
            if (c == '\\' || c == '|' || char.IsControl(c))
            {
                error = $"accession {shown} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which a DICOM accession number (SH) cannot carry";
                return false;
            }
        }

        normalised = value;
        error = null;
        return true;
    }

    private static int CheckMaxLength(int value) => value is > 0 and <= DicomShMaxLength
        ? value
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"an accession max-length must be 1..{DicomShMaxLength} (DICOM SH)");

    private string? FindMapping(string value, StringComparison comparison)
    {
        if (Map.TryGetValue(value, out var exact))
        {
            return exact;
        }

        if (comparison == StringComparison.OrdinalIgnoreCase)
        {
            foreach (var (key, mapped) in Map)
            {
                if (string.Equals(key.Trim(), value, comparison))
                {
                    return mapped;
                }
            }
        }

        return null;
    }
}
