namespace ActorBroker.Domain.Outbound;

/// <summary>
/// Expands a viewer URL template for one order: {accession}, {studyUid}, {patientId}, {issuer}
/// and {site} (names ignore case) become the notice's values, each escaped with
/// <see cref="Uri.EscapeDataString(string)"/> so that an accession with a slash or a patient id with
/// an ampersand cannot change the URL's structure. Anything else in braces is left as written
/// (and reported by <see cref="UnknownPlaceholders"/>, which configuration checks call).
/// </summary>
// RFC 3986 2.1 (percent-encoding), 3.4 (query)
public static class ViewerLink
{
    /// <summary>The placeholder names, as documented.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["accession", "studyUid", "patientId", "issuer", "site"];

    public static string Expand(string template, OutboundNotice notice)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(notice);
        var result = new System.Text.StringBuilder(template.Length + 64);
        var copied = 0;
        foreach (var (open, close) in Braces(template))
        {
            if (Value(template[(open + 1)..close], notice) is { } value)
            {
                result.Append(template, copied, open - copied).Append(Uri.EscapeDataString(value));
                copied = close + 1;
            }
        }

        return result.Append(template, copied, template.Length - copied).ToString();
    }

    /// <summary>The names in braces that are not placeholders, in order of appearance.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Braces(template)
            .Select(b => template[(b.Open + 1)..b.Close])
            .Where(name => !Placeholders.Contains(name, StringComparer.OrdinalIgnoreCase))
            .ToList();
    }

    // Each "}" with the nearest "{" before it (and after the previous "}"): "{a{accession}" holds {accession}.
    private static IEnumerable<(int Open, int Close)> Braces(string template)
    {
        var from = 0;
        while (from < template.Length)
        {
            var close = template.IndexOf('}', from);
            if (close < 0)
            {
                yield break;
            }

            var open = template.LastIndexOf('{', close, close - from + 1);
            if (open >= 0)
            {
                yield return (open, close);
            }

            from = close + 1;
        }
    }

    private static string? Value(string name, OutboundNotice notice) => name.ToUpperInvariant() switch
    {
        "ACCESSION" => notice.Accession,
        "STUDYUID" => notice.StudyInstanceUid,
        "PATIENTID" => notice.Patient.PatientId,
        "ISSUER" => notice.Patient.IssuerOfPatientId,
        "SITE" => notice.Order.Site,
        _ => null,
    };
}
