namespace ActorBroker.Dicom.Sr;

/// <summary>
/// One item of the Referenced Request Sequence (0040,A370): an order (imaging service request)
/// the report fulfils. Empty strings for what the item does not carry. A report for grouped
/// procedures has one item per order.
/// </summary>
// DICOM PS3.3 C.17.2 (SR Document General Module, Referenced Request Sequence), Table C.17-3
public sealed record SrRequest(
    string AccessionNumber,
    string StudyInstanceUid,
    string PlacerOrderNumber,
    string FillerOrderNumber,
    string RequestedProcedureId,
    string RequestedProcedureDescription);
