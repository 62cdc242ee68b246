namespace ActorBroker.Domain.Orders;

/// <summary>
/// One Scheduled Procedure Step: one item of the Scheduled Procedure Step Sequence (0040,0100),
/// hence one worklist entry. An ORM^O01 order has one, an OMI^O23 order one per IPC segment.
/// Status is the DICOM SPS Status (0040,0020): SCHEDULED, STARTED, COMPLETED, DISCONTINUED, CANCELED.
/// </summary>
// DICOM PS3.4 K.6.1.2.1 (Scheduled Procedure Step); HL7 2.5.1 4.5.6 (IPC)
public sealed record ScheduledStep(
    string StepId,
    string Description,
    CodedEntry? ProtocolCode,
    string Modality,
    string StationAeTitle,
    string StationName,
    string Location,
    ScheduledTime Start,
    string Status);
