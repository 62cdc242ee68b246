namespace ActorBroker.Domain.Orders;

/// <summary>
/// What one MPPS instance says about the order it performs, as the order keeps it: the MPPS SOP
/// Instance UID, its status (IN PROGRESS, COMPLETED, DISCONTINUED: PS3.3 C.4.14 (0040,0252)),
/// where and when it ran, and for a discontinued step the reason code
/// (0040,0281) Performed Procedure Step Discontinuation Reason Code Sequence.
/// StartDateTime/EndDateTime are DICOM DA+TM concatenated as the modality sent them ("" when absent).
/// </summary>
// DICOM PS3.4 F.7.2 (MPPS attributes), PS3.3 C.4.14; IHE RAD TF-2 4.6/4.7 (RAD-6, RAD-7)
public sealed record PerformedStep(
    string MppsInstanceUid,
    string StudyInstanceUid,
    string Status,
    string PerformedStationAeTitle,
    string Modality,
    string StartDateTime,
    string EndDateTime,
    CodedEntry? DiscontinuationReason,
    int SeriesCount,
    int ImageCount);
