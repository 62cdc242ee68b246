using ActorBroker.Dicom.Sr;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// A DICOM Structured Report stored to the broker (read by <see cref="StructuredReportReader"/>)
/// -> one <see cref="InboundReport"/> per order it references. The site is the caller's (the AE
/// the SR came from or was sent to); nothing here refuses the document: what could not be read is
/// refused by the reader, and an accession the site's rules reject only leaves the report to match
/// by placer, filler or study (<see cref="ReportMatch.AccessionProblem"/> says why).
///
/// <list type="bullet">
/// <item>Result status: COMPLETE and VERIFIED is F; anything else (PARTIAL, or COMPLETE but
/// UNVERIFIED, or flags missing) is P: a report is only final when the document says it was
/// verified. A later SR for an order already final is still F here: whether that is a correction
/// is the order's decision.</item>
/// <item>Orders: one per Referenced Request Sequence item (a report for grouped procedures names
/// several), with its accession, placer (0040,2016), filler (0040,2017) and Study Instance UID; an
/// item's missing accession falls back to the document's Accession Number (0008,0050) only when it
/// is the only item, its missing Study UID to the document's. No item: the document's accession
/// and Study Instance UID. Items naming the same order twice count once.</item>
/// <item>Interpreter: the first Verifying Observer Name, else the first Person Observer Name
/// (DCM 121008) in the observation context; the alphabetic part of the PN.</item>
/// <item>Observed at: Content Date/Time, with Timezone Offset From UTC (0008,0201) when present,
/// else on the site's wall clock.</item>
/// </list>
/// Source is "SR", ReportId the SOP Instance UID, and the message ("DICOM", calling AE, SOP
/// Instance UID, received at), so a resent SR is a duplicate and a new version is not.
/// </summary>
// DICOM PS3.3 C.17.2 (SR Document General: Completion/Verification Flag, Referenced Request Sequence), PS3.16 TID 1002 (observer context)
public static class SrReportMapper
{
    public const string Source = "SR";

    /// <summary>MessageRef.SendingApplication of a report that came by DICOM.</summary>
    public const string DicomApplication = "DICOM";

    public static IReadOnlyList<InboundReport> Map(SrDocument document, SiteRules site, string callingAeTitle, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(callingAeTitle);

        var content = new ReportContent(
            ResultStatus: ResultStatusOf(document),
            Lines: document.Lines,
            Interpreter: Interpreter(document),
            ObservedAt: ObservedAt(document, site),
            Source: Source,
            ReportId: document.SopInstanceUid);
        var message = new MessageRef(DicomApplication, callingAeTitle.Trim(), document.SopInstanceUid, receivedAt);

        var requests = document.ReferencedRequests.Count > 0
            ? document.ReferencedRequests
            : [new SrRequest(document.AccessionNumber, document.StudyInstanceUid, "", "", "", "")];
        var reports = new List<InboundReport>(requests.Count);
        var seen = new HashSet<(string, string, string, string)>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var accession = request.AccessionNumber.Trim();
            if (accession.Length == 0 && requests.Count == 1)
            {
                accession = document.AccessionNumber.Trim();
            }

            var study = request.StudyInstanceUid.Trim();
            if (study.Length == 0)
            {
                study = document.StudyInstanceUid;
            }

            var match = Match(site, accession, request.PlacerOrderNumber.Trim(), request.FillerOrderNumber.Trim(), study);
            if (seen.Add((match.Key?.Accession ?? match.AccessionAsSent, match.PlacerOrderNumber, match.FillerOrderNumber, match.StudyInstanceUid)))
            {
                reports.Add(new InboundReport(match, message, content) { OrderGroup = i + 1 });
            }
        }

        return reports;
    }

    /// <summary>F for a COMPLETE and VERIFIED document, else P.</summary>
    public static string ResultStatusOf(SrDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsComplete && document.IsVerified ? ReportResultStatus.Final : ReportResultStatus.Preliminary;
    }

    private static ReportMatch Match(SiteRules site, string accession, string placer, string filler, string study)
    {
        if (accession.Length == 0)
        {
            return new ReportMatch(null, placer, filler, study, site.SiteId);
        }

        return site.Accession.TryNormalise(accession, out var normalised, out var problem)
            ? new ReportMatch(new OrderKey(site.SiteId, normalised), placer, filler, study, site.SiteId) { AccessionAsSent = accession }
            : new ReportMatch(null, placer, filler, study, site.SiteId) { AccessionAsSent = accession, AccessionProblem = problem };
    }

    private static string Interpreter(SrDocument document)
    {
        var name = document.VerifyingObserverName;
        if (name.Length == 0)
        {
            name = document.Root.Children
                .Where(c => c.RelationshipType == "HAS OBS CONTEXT")
                .SelectMany(c => c.DescendantsAndSelf())
                .FirstOrDefault(c => c.ValueType == "PNAME" && c.ConceptName is { } concept && concept.Is("121008", "DCM"))?.Value ?? "";
        }

        // PN component groups: alphabetic=ideographic=phonetic; the alphabetic one is what HL7 carries.
        var alphabetic = name.Split('=')[0].TrimEnd('^', ' ');
        return alphabetic.Length > 0 ? alphabetic : name;
    }

    private static DateTimeOffset? ObservedAt(SrDocument document, SiteRules site)
    {
        if (document.ContentDateTime is not { } local)
        {
            return null;
        }

        return document.TimezoneOffsetFromUtc is { } offset
            ? new DateTimeOffset(local, offset)
            : ScheduledTime.AtLocal(local, site.TimeZone, document.HasContentTime).Instant;
    }
}
