using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The Modality Worklist attributes the broker can match and return (PS3.4 K.6.1.2, Table K.6-1), mapped to
/// <see cref="MwlEntry"/>. Sequences (SPS, the two code sequences) are handled by <see cref="MwlQuery"/> and
/// <see cref="MwlResponseBuilder"/> with the item tables below.
/// </summary>
internal static class MwlAttributes
{
    public static readonly IReadOnlyDictionary<DicomTag, MwlAttribute> TopLevel = Table(
        new(DicomTags.AccessionNumber, DicomVR.SH, e => e.AccessionNumber),
        new(DicomTags.ReferringPhysicianName, DicomVR.PN, e => e.ReferringPhysicianName),
        new(DicomTags.PatientName, DicomVR.PN, e => e.PatientName),
        new(DicomTags.PatientID, DicomVR.LO, e => e.PatientId),
        new(DicomTags.IssuerOfPatientID, DicomVR.LO, e => e.IssuerOfPatientId),
        new(DicomTags.PatientBirthDate, DicomVR.DA, e => e.PatientBirthDate),
        new(DicomTags.PatientSex, DicomVR.CS, e => e.PatientSex),
        new(DicomTags.StudyInstanceUID, DicomVR.UI, e => e.StudyInstanceUid),
        new(DicomTags.RequestingPhysician, DicomVR.PN, e => e.RequestingPhysician),
        new(DicomTags.RequestedProcedureDescription, DicomVR.LO, e => e.RequestedProcedureDescription),
        new(DicomTags.AdmissionID, DicomVR.LO, e => e.AdmissionId),
        new(DicomTags.RequestedProcedureID, DicomVR.SH, e => e.RequestedProcedureId),
        new(DicomTags.ReasonForTheRequestedProcedure, DicomVR.LO, e => e.ReasonForRequestedProcedure),
        new(DicomTags.RequestedProcedurePriority, DicomVR.SH, e => e.RequestedProcedurePriority),
        new(DicomTags.RequestedProcedureComments, DicomVR.LT, e => e.RequestedProcedureComments),
        new(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO, e => e.PlacerOrderNumber),
        new(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO, e => e.FillerOrderNumber));

    /// <summary>Attributes of the Scheduled Procedure Step Sequence (0040,0100) item.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, MwlAttribute> SpsItem = Table(
        new(DicomTags.Modality, DicomVR.CS, e => e.Modality),
        new(DicomTags.ScheduledStationAETitle, DicomVR.AE, e => e.ScheduledStationAeTitle),
        new(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, e => e.SpsStartDate),
        new(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, e => e.SpsStartTime),
        new(DicomTags.ScheduledPerformingPhysicianName, DicomVR.PN, e => e.ScheduledPerformingPhysicianName),
        new(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO, e => e.SpsDescription),
        new(DicomTags.ScheduledProcedureStepID, DicomVR.SH, e => e.SpsId),
        new(DicomTags.ScheduledStationName, DicomVR.SH, e => e.ScheduledStationName),
        new(DicomTags.ScheduledProcedureStepLocation, DicomVR.SH, e => e.SpsLocation),
        new(DicomTags.ScheduledProcedureStepStatus, DicomVR.CS, e => e.SpsStatus));

    /// <summary>Requested Procedure Code Sequence (0032,1064) item.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, MwlAttribute> RequestedProcedureCode = Code(
        e => e.RequestedProcedureCodeValue, e => e.RequestedProcedureCodingScheme, e => e.RequestedProcedureCodeMeaning);

    /// <summary>Scheduled Protocol Code Sequence (0040,0008) item.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, MwlAttribute> ProtocolCode = Code(
        e => e.ProtocolCodeValue, e => e.ProtocolCodingScheme, e => e.ProtocolCodeMeaning);

    private static IReadOnlyDictionary<DicomTag, MwlAttribute> Code(
        Func<MwlEntry, string> value, Func<MwlEntry, string> scheme, Func<MwlEntry, string> meaning) => Table(
        new(DicomTags.CodeValue, DicomVR.SH, value),
        new(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme),
        new(DicomTags.CodeMeaning, DicomVR.LO, meaning));

    private static Dictionary<DicomTag, MwlAttribute> Table(params MwlAttribute[] attributes) => attributes.ToDictionary(a => a.Tag);
}
