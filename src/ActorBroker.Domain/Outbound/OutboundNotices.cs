using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// Builds the <see cref="OutboundNotice"/>s the order decider puts into its events, from the
/// order's details as they are when the notice is decided (so a replay renders the same message).
/// </summary>
// HL7 2.5.1 4.5.1 ORC (ORC-1 SC, ORC-5 table 0038), 7.3.1 ORU^R01 (OBR-25 table 0123); IHE RAD TF-2 4.42 (RAD-42)
public static class OutboundNotices
{
    /// <summary>
    /// A status notice: ORC-1 SC with ORC-5 <paramref name="orderStatus"/> (IP, CM, DC).
    /// <paramref name="studyUid"/> is the Study Instance UID the modality used; when empty, the order's.
    /// </summary>
    public static OutboundNotice ForStatus(OrderKey order, OrderDetails details, string orderStatus, string studyUid, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(orderStatus);
        return Build(OutboundNotice.StatusKind, order, details, orderStatus, string.IsNullOrEmpty(studyUid) ? details.StudyInstanceUid : studyUid, at, null);
    }

    /// <summary>
    /// A result notice: ORU^R01 carrying <paramref name="report"/> (its ResultStatus goes to OBR-25).
    /// OrderStatus is CM: a report is the order's result, whatever its P/F/C status (that is OBR-25's job).
    /// </summary>
    public static OutboundNotice ForResult(OrderKey order, OrderDetails details, ReportContent report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(report);
        return Build(OutboundNotice.ResultKind, order, details, OrderStatusCodes.Completed, details.StudyInstanceUid, at, report);
    }

    private static OutboundNotice Build(string kind, OrderKey order, OrderDetails d, string orderStatus, string studyUid, DateTimeOffset at, ReportContent? report) =>
        new(
            Kind: kind,
            Order: order,
            PlacerOrderNumber: d.PlacerOrderNumber,
            FillerOrderNumber: d.FillerOrderNumber,
            Accession: d.Accession,
            RequestedProcedure: d.RequestedProcedure,
            Patient: d.Patient,
            OrderStatus: orderStatus,
            Hl7CharacterSet: d.Hl7CharacterSet,
            StudyInstanceUid: studyUid,
            Modality: d.Modality,
            OccurredAt: at,
            Report: report);
}
