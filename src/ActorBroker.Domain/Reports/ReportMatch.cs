using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// How to find the order a report belongs to, strongest first: <see cref="Key"/> (site and the
/// accession normalised by the site's rules), then the placer and filler order numbers, then the
/// Study Instance UID. Empty strings for what the report did not carry; at least one criterion is
/// always present. A report none of them finds is kept and raised as an exception (with
/// <see cref="AccessionAsSent"/>, so the two accession formats can be compared), never dropped.
/// </summary>
// IHE RAD TF-2 4.28 (RAD-28 structured report export: OBR-2/3/18, Referenced Request Sequence); domain.md "Reports"
public sealed record ReportMatch(OrderKey? Key, string PlacerOrderNumber, string FillerOrderNumber, string StudyInstanceUid, string Site)
{
    /// <summary>The accession exactly as the report carried it ("" when none).</summary>
    public string AccessionAsSent { get; init; } = "";

    /// <summary>
    /// Why an accession that was sent gave no <see cref="Key"/> (the site's accession rules refused
    /// it), "" otherwise. Only an SR can have one: an ORU with a bad accession is refused (AE).
    /// </summary>
    public string AccessionProblem { get; init; } = "";

    /// <summary>"accession ACC1, placer PL1, filler F1, study 1.2.3" with only what is present: for exception records and logs.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (Key is not null)
        {
            parts.Add($"accession {Key.Accession}");
        }
        else if (AccessionAsSent.Length > 0)
        {
            parts.Add($"accession '{AccessionAsSent}' (unusable: {AccessionProblem})");
        }

        if (PlacerOrderNumber.Length > 0)
        {
            parts.Add($"placer {PlacerOrderNumber}");
        }

        if (FillerOrderNumber.Length > 0)
        {
            parts.Add($"filler {FillerOrderNumber}");
        }

        if (StudyInstanceUid.Length > 0)
        {
            parts.Add($"study {StudyInstanceUid}");
        }

        return $"{Site}: {string.Join(", ", parts)}";
    }
}
