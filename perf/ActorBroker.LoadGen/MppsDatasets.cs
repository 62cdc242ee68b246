using System.Globalization;
using ActorBroker.Dicom.Data;

namespace ActorBroker.LoadGen;

/// <summary>
/// The N-CREATE and N-SET attribute lists a modality sends for one performed step, as
/// /work/shared/peers/mpps.js (dcmjs-dimse) builds them: every Type 1 attribute with a value, Type 2
/// attributes present and empty where a modality has nothing to say. Patient and requested procedure
/// are those of the built-in ORM (<see cref="MessageTemplate.BuiltInOrm"/>), so order and MPPS agree.
/// </summary>
internal static class MppsDatasets
{
    /// <summary>CT Image Storage: the SOP class of the referenced images.</summary>
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    /// <summary>(0040,0220) Referenced Non-Image Composite SOP Instance Sequence (not in DicomTags).</summary>
    public static readonly DicomTag ReferencedNonImageCompositeSOPInstanceSequence = new(0x0040, 0x0220);

    // From the built-in ORM: PID-3 (authority EPI), PID-5, PID-7, PID-8, OBR-4.2, OBR-19, OBR-20.
    private const string PatientId = "E1000001";
    private const string PatientName = "NÚÑEZ^JOSÉ^ANTONIO^^SR.";
    private const string PatientBirthDate = "19700214";
    private const string PatientSex = "M";
    private const string ProcedureDescription = "CT HEAD WO CONTRAST";
    private const string RequestedProcedureId = "RP20001";
    private const string ScheduledProcedureStepId = "SPS20001";
    private const string Utf8 = "ISO_IR 192";

    // DICOM PS3.4 F.7.2.1 (N-CREATE, Table F.7.2-1 column N-CREATE), PS3.3 C.4.13 (PPS Relationship),
    // C.4.14 (PPS Information), C.4.15 (Image Acquisition Results), C.4.16 (Radiation Dose, not sent).
    public static DicomDataset Create(MppsPair pair, string stationAe, string modality, DateTime start)
    {
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, Utf8);
        var step = new DicomDataset(ds.CharacterSet)
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, pair.StudyUid)
            .SetEmpty(DicomTags.ReferencedStudySequence, DicomVR.SQ)
            .Set(DicomTags.AccessionNumber, DicomVR.SH, pair.Accession)
            .Set(DicomTags.RequestedProcedureID, DicomVR.SH, RequestedProcedureId)
            .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, ProcedureDescription)
            .Set(DicomTags.ScheduledProcedureStepID, DicomVR.SH, ScheduledProcedureStepId)
            .Set(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO, ProcedureDescription)
            .SetEmpty(DicomTags.ScheduledProtocolCodeSequence, DicomVR.SQ);
        return ds
            .SetSequence(DicomTags.ScheduledStepAttributesSequence, [step])
            .Set(DicomTags.PatientName, DicomVR.PN, PatientName)
            .Set(DicomTags.PatientID, DicomVR.LO, PatientId)
            .Set(DicomTags.PatientBirthDate, DicomVR.DA, PatientBirthDate)
            .Set(DicomTags.PatientSex, DicomVR.CS, PatientSex)
            .SetEmpty(DicomTags.ReferencedPatientSequence, DicomVR.SQ)
            .Set(DicomTags.PerformedProcedureStepID, DicomVR.SH, pair.PpsId)
            .Set(DicomTags.PerformedStationAETitle, DicomVR.AE, stationAe)
            .SetEmpty(DicomTags.PerformedStationName, DicomVR.SH)
            .SetEmpty(DicomTags.PerformedLocation, DicomVR.SH)
            .Set(DicomTags.PerformedProcedureStepStartDate, DicomVR.DA, Date(start))
            .Set(DicomTags.PerformedProcedureStepStartTime, DicomVR.TM, Time(start))
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, "IN PROGRESS")
            .Set(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, ProcedureDescription)
            .SetEmpty(DicomTags.PerformedProcedureTypeDescription, DicomVR.LO)
            .SetEmpty(DicomTags.ProcedureCodeSequence, DicomVR.SQ)
            .SetEmpty(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA)
            .SetEmpty(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM)
            .Set(DicomTags.Modality, DicomVR.CS, modality)
            .SetEmpty(DicomTags.StudyID, DicomVR.SH)
            .SetEmpty(DicomTags.PerformedProtocolCodeSequence, DicomVR.SQ)
            .SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ);
    }

    // DICOM PS3.4 F.7.2.2 (N-SET, Table F.7.2-1 column N-SET): the final state, end date/time and the
    // Performed Series Sequence (PS3.3 C.4.15) with one series and its referenced images.
    public static DicomDataset Set(int images, DateTime end)
    {
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, Utf8);
        var references = new DicomDataset[images];
        for (var i = 0; i < images; i++)
        {
            references[i] = new DicomDataset(ds.CharacterSet)
                .Set(DicomTags.ReferencedSOPClassUID, DicomVR.UI, CtImageStorage)
                .Set(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        }

        var series = new DicomDataset(ds.CharacterSet)
            .SetEmpty(DicomTags.PerformingPhysicianName, DicomVR.PN)
            .Set(DicomTags.ProtocolName, DicomVR.LO, "ROUTINE")
            .SetEmpty(DicomTags.OperatorsName, DicomVR.PN)
            .Set(DicomTags.SeriesInstanceUID, DicomVR.UI, DicomUid.Generate())
            .Set(DicomTags.SeriesDescription, DicomVR.LO, "MPPS load series")
            .SetEmpty(DicomTags.RetrieveAETitle, DicomVR.AE)
            .SetSequence(DicomTags.ReferencedImageSequence, references)
            .SetEmpty(ReferencedNonImageCompositeSOPInstanceSequence, DicomVR.SQ);
        return ds
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, "COMPLETED")
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, Date(end))
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, Time(end))
            .SetEmpty(DicomTags.PerformedProtocolCodeSequence, DicomVR.SQ)
            .SetSequence(DicomTags.PerformedSeriesSequence, [series]);
    }

    private static string Date(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Time(DateTime t) => t.ToString("HHmmss", CultureInfo.InvariantCulture);
}
