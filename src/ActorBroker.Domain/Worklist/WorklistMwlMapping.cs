using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// WorklistItem (the domain's projection of one Scheduled Procedure Step) to the DICOM library's neutral
/// <see cref="MwlEntry"/>. The values are already DICOM strings; this only renames and flattens the code sequences.
/// </summary>
// DICOM PS3.4 K.6.1.2 (Table K.6-1, MWL attributes); the HL7 -> DICOM half is WorklistProjection.
public static class WorklistMwlMapping
{
    public static MwlEntry ToMwlEntry(WorklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new MwlEntry
        {
            AccessionNumber = item.AccessionNumber,
            PatientId = item.PatientId,
            IssuerOfPatientId = item.IssuerOfPatientId,
            PatientName = item.PatientName,
            PatientBirthDate = item.PatientBirthDate,
            PatientSex = item.PatientSex,
            ReferringPhysicianName = item.ReferringPhysicianName,
            RequestingPhysician = item.RequestingPhysician,
            AdmissionId = item.AdmissionId,
            StudyInstanceUid = item.StudyInstanceUid,
            RequestedProcedureId = item.RequestedProcedureId,
            RequestedProcedureDescription = item.RequestedProcedureDescription,
            RequestedProcedureCodeValue = item.RequestedProcedureCode?.Value ?? "",
            RequestedProcedureCodingScheme = item.RequestedProcedureCode?.Scheme ?? "",
            RequestedProcedureCodeMeaning = item.RequestedProcedureCode?.Meaning ?? "",
            RequestedProcedurePriority = item.RequestedProcedurePriority,
            ReasonForRequestedProcedure = item.ReasonForRequestedProcedure,
            RequestedProcedureComments = item.RequestedProcedureComments,
            PlacerOrderNumber = item.PlacerOrderNumber,
            FillerOrderNumber = item.FillerOrderNumber,
            Modality = item.Modality,
            ScheduledStationAeTitle = item.ScheduledStationAeTitle,
            ScheduledStationName = item.ScheduledStationName,
            SpsLocation = item.ScheduledProcedureStepLocation,
            SpsStartDate = item.SpsStartDate,
            SpsStartTime = item.SpsStartTime,
            TimezoneOffsetFromUtc = item.TimezoneOffsetFromUtc,
            SpsId = item.SpsId,
            SpsDescription = item.SpsDescription,
            ProtocolCodeValue = item.ScheduledProtocolCode?.Value ?? "",
            ProtocolCodingScheme = item.ScheduledProtocolCode?.Scheme ?? "",
            ProtocolCodeMeaning = item.ScheduledProtocolCode?.Meaning ?? "",
            SpsStatus = item.SpsStatus,
        };
    }
}
