using ActorBroker.Actors.Modalities;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Where one MPPS state goes: the orders it performs (one per accession of the Scheduled Step Attributes
/// Sequence, at the calling modality's site) and the studies it belongs to, as the commands those entities take.
/// Problems (an unscheduled MPPS without accession, a calling AE of no known site) are returned as text for an
/// exception record; the MPPS is still kept and still reaches its study.
/// </summary>
// DICOM PS3.4 F.7.2.1 (Scheduled Step Attributes Sequence: one item per SPS performed, grouped procedures);
// IHE RAD TF-2 4.6.4.1.2.4 (unscheduled and grouped cases)
public sealed record MppsTargets(IReadOnlyList<RecordProcedureStep> Orders, IReadOnlyList<RecordStudyMpps> Studies, IReadOnlyList<string> Problems)
{
    /// <param name="knownOrders">The orders as resolved when the state was accepted (journaled with it); null to
    /// resolve them now from the calling AE's site.</param>
    public static MppsTargets For(string mppsUid, string callingAe, MppsAttributes a, DateTimeOffset at, ModalityDirectory modalities, IReadOnlyList<OrderKey>? knownOrders = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(modalities);
        var problems = new List<string>();
        var accessions = a.ScheduledSteps.Select(s => s.AccessionNumber.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // The site of the calling modality (or, failing that, of the performing station), unless the orders are known.
        var orderKeys = knownOrders
            ?? ((modalities.Find(callingAe)?.Site ?? modalities.SiteFor(a.PerformedStationAeTitle)) is { } site
                ? accessions.Select(acc => new OrderKey(site, acc)).ToList()
                : []);
        var keys = new List<OrderKey>();
        if (accessions.Count == 0)
        {
            problems.Add($"MPPS {mppsUid} from {callingAe} names no accession (unscheduled): kept with its study, not matched to an order");
        }
        else if (orderKeys.Count == 0)
        {
            problems.Add($"MPPS {mppsUid}: calling AE {callingAe} is not a configured modality, so its site (and order) is unknown; kept with its study");
        }
        else
        {
            keys.AddRange(orderKeys);
        }

        var step = new PerformedStep(
            mppsUid,
            a.ScheduledSteps.Select(s => s.StudyInstanceUid).FirstOrDefault(u => u.Length > 0) ?? "",
            a.Status,
            a.PerformedStationAeTitle,
            a.Modality,
            a.StartDate + a.StartTime,
            a.EndDate + a.EndTime,
            a.DiscontinuationReason is { } r ? new CodedEntry(r.CodeValue, r.CodingSchemeDesignator, r.CodeMeaning) : null,
            a.PerformedSeries.Count,
            a.PerformedSeries.Sum(s => s.ReferencedImageCount));
        var message = new MessageRef("DICOM", callingAe, $"{mppsUid}|{a.Status}", at);
        var orders = keys.Select(k => new RecordProcedureStep(k, message, step)).ToList();

        var series = a.PerformedSeries.Select(s => new StudySeries(s.SeriesInstanceUid, s.SeriesDescription, s.ReferencedImageCount)).ToList();
        var studies = a.ScheduledSteps
            .Select(s => s.StudyInstanceUid.Trim())
            .Where(u => u.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(uid => new RecordStudyMpps(uid, mppsUid, a.Status, a.PerformedStationAeTitle, a.Modality, a.StartDate + a.StartTime, a.EndDate + a.EndTime, series, keys, at))
            .ToList();
        if (studies.Count == 0)
        {
            problems.Add($"MPPS {mppsUid} from {callingAe} carries no Study Instance UID in its Scheduled Step Attributes");
        }

        return new MppsTargets(orders, studies, problems);
    }
}
