namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// One item of the Scheduled Step Attributes Sequence (0040,0270): which requested procedure and scheduled
/// step the performed step fulfils. Strings are "" when the modality sent the attribute empty or not at all
/// (they are Type 2, and zero length for an unscheduled step, PS3.4 F.7.2.1.2 note 3); Placer/Filler Order
/// Number are Type 3 and null when absent or empty.
/// </summary>
// DICOM PS3.4 F.7.2 Table F.7.2-1 (Scheduled Step Attributes Sequence)
public sealed record MppsScheduledStepRef(
    string StudyInstanceUid,
    string AccessionNumber,
    string RequestedProcedureId,
    string ScheduledProcedureStepId,
    string RequestedProcedureDescription,
    string? PlacerOrderNumber,
    string? FillerOrderNumber);
