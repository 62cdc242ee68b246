using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// One Modality Worklist entry (one Scheduled Procedure Step of one order): the flat values the
/// MWL SCP returns, already DICOM strings (PN, DA, TM, CS...). Empty strings are unknown values
/// (returned as zero-length attributes). StartInstant is for indexing and range queries only.
/// </summary>
// DICOM PS3.4 K.6.1 (MWL Information Model: Patient, Visit, Imaging Service Request,
// Requested Procedure and Scheduled Procedure Step attributes)
public sealed record WorklistItem(
    string AccessionNumber,                 // (0008,0050)
    string PatientId,                       // (0010,0020)
    string IssuerOfPatientId,               // (0010,0021)
    IReadOnlyList<OtherPatientId> OtherPatientIds, // (0010,1002)
    string PatientName,                     // (0010,0010)
    string PatientBirthDate,                // (0010,0030)
    string PatientSex,                      // (0010,0040)
    string ReferringPhysicianName,          // (0008,0090)
    string RequestingPhysician,             // (0032,1032)
    string AdmissionId,                     // (0038,0010)
    string CurrentPatientLocation,          // (0038,0300)
    string StudyInstanceUid,                // (0020,000D)
    string RequestedProcedureId,            // (0040,1001)
    string RequestedProcedureDescription,   // (0032,1060)
    CodedEntry? RequestedProcedureCode,     // (0032,1064)
    string RequestedProcedurePriority,      // (0040,1003)
    string ReasonForRequestedProcedure,     // (0040,1002)
    string RequestedProcedureComments,      // (0040,1400)
    string PlacerOrderNumber,               // (0040,2016)
    string FillerOrderNumber,               // (0040,2017)
    string Modality,                        // (0008,0060) in the SPS
    string ScheduledStationAeTitle,         // (0040,0001)
    string ScheduledStationName,            // (0040,0010)
    string ScheduledProcedureStepLocation,  // (0040,0011)
    string SpsStartDate,                    // (0040,0002)
    string SpsStartTime,                    // (0040,0003)
    string TimezoneOffsetFromUtc,           // (0008,0201)
    string SpsId,                           // (0040,0009)
    string SpsDescription,                  // (0040,0007)
    CodedEntry? ScheduledProtocolCode,      // (0040,0008)
    string SpsStatus,                       // (0040,0020)
    string Site,
    OrderState OrderState,
    DateTimeOffset StartInstant)
{
    // Records compare lists by reference; two projections of the same order must be equal.
    public bool Equals(WorklistItem? other) =>
        other is not null
        && AccessionNumber == other.AccessionNumber
        && PatientId == other.PatientId
        && IssuerOfPatientId == other.IssuerOfPatientId
        && Sequences.Equal(OtherPatientIds, other.OtherPatientIds)
        && PatientName == other.PatientName
        && PatientBirthDate == other.PatientBirthDate
        && PatientSex == other.PatientSex
        && ReferringPhysicianName == other.ReferringPhysicianName
        && RequestingPhysician == other.RequestingPhysician
        && AdmissionId == other.AdmissionId
        && CurrentPatientLocation == other.CurrentPatientLocation
        && StudyInstanceUid == other.StudyInstanceUid
        && RequestedProcedureId == other.RequestedProcedureId
        && RequestedProcedureDescription == other.RequestedProcedureDescription
        && RequestedProcedureCode == other.RequestedProcedureCode
        && RequestedProcedurePriority == other.RequestedProcedurePriority
        && ReasonForRequestedProcedure == other.ReasonForRequestedProcedure
        && RequestedProcedureComments == other.RequestedProcedureComments
        && PlacerOrderNumber == other.PlacerOrderNumber
        && FillerOrderNumber == other.FillerOrderNumber
        && Modality == other.Modality
        && ScheduledStationAeTitle == other.ScheduledStationAeTitle
        && ScheduledStationName == other.ScheduledStationName
        && ScheduledProcedureStepLocation == other.ScheduledProcedureStepLocation
        && SpsStartDate == other.SpsStartDate
        && SpsStartTime == other.SpsStartTime
        && TimezoneOffsetFromUtc == other.TimezoneOffsetFromUtc
        && SpsId == other.SpsId
        && SpsDescription == other.SpsDescription
        && ScheduledProtocolCode == other.ScheduledProtocolCode
        && SpsStatus == other.SpsStatus
        && Site == other.Site
        && OrderState == other.OrderState
        && StartInstant == other.StartInstant;

    public override int GetHashCode() => HashCode.Combine(AccessionNumber, SpsId, Site, StartInstant, OrderState);
}
