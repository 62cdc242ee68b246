using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mpps;

namespace ActorBroker.Actors.Tests.Mpps;

/// <summary>
/// MPPS attribute lists as a CT modality sends them (after tests/ActorBroker.Dicom.Tests/Mpps/MppsTestData.cs),
/// encoded as the MPPS provider hands them to the entity: Explicit VR Little Endian bytes.
/// </summary>
// DICOM PS3.4 F.7.2.1 (N-CREATE Attribute List), F.7.2.2 (N-SET Modification List)
internal static class MppsDatasets
{
    public const string StudyUid = "1.2.826.0.1.3680043.2.1125.7.1";

    /// <summary>A valid N-CREATE (IN PROGRESS) from station CT01 for the given accession(s) of one study.</summary>
    public static byte[] NCreate(string station = "CT01", params string[] accessions)
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.Modality, DicomVR.CS, "CT")
            .Set(DicomTags.PatientName, DicomVR.PN, "Núñez^José")
            .Set(DicomTags.PatientID, DicomVR.LO, "PID-1")
            .Set(DicomTags.PatientBirthDate, DicomVR.DA, "19700101")
            .Set(DicomTags.PatientSex, DicomVR.CS, "M")
            .SetEmpty(DicomTags.StudyID, DicomVR.SH)
            .Set(DicomTags.PerformedStationAETitle, DicomVR.AE, station)
            .SetEmpty(DicomTags.PerformedStationName, DicomVR.SH)
            .SetEmpty(DicomTags.PerformedLocation, DicomVR.SH)
            .Set(DicomTags.PerformedProcedureStepStartDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepStartTime, DicomVR.TM, "093000")
            .SetEmpty(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA)
            .SetEmpty(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM)
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.InProgress)
            .Set(DicomTags.PerformedProcedureStepID, DicomVR.SH, "PPS-1")
            .Set(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, "CT Thorax")
            .SetEmpty(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, DicomVR.SQ)
            .SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ);
        var steps = (accessions.Length == 0 ? [""] : accessions).Select(ScheduledStep);
        ds.SetSequence(DicomTags.ScheduledStepAttributesSequence, steps);
        return Encode(ds);
    }

    /// <summary>An N-SET that completes the step with one series of <paramref name="images"/> images.</summary>
    public static byte[] NSetCompleted(int images = 3)
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed)
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "094500");
        var series = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.SeriesInstanceUID, DicomVR.UI, StudyUid + ".1")
            .Set(DicomTags.SeriesDescription, DicomVR.LO, "Axial")
            .Set(DicomTags.ProtocolName, DicomVR.LO, "Thorax")
            .Set(DicomTags.RetrieveAETitle, DicomVR.AE, "PACS")
            .SetEmpty(DicomTags.PerformingPhysicianName, DicomVR.PN)
            .SetEmpty(DicomTags.OperatorsName, DicomVR.PN);
        series.SetSequence(DicomTags.ReferencedImageSequence, Enumerable.Range(1, images).Select(i =>
            new DicomDataset(DicomCharacterSet.Utf8)
                .Set(DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
                .Set(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, $"{StudyUid}.1.{i}")));
        series.SetEmpty(DicomTags.ReferencedNonImageCompositeSOPInstanceSequence, DicomVR.SQ);
        ds.SetSequence(DicomTags.PerformedSeriesSequence, [series]);
        return Encode(ds);
    }

    /// <summary>An N-SET that discontinues the step (reason: incorrect worklist entry selected, CID 9300), no series.</summary>
    public static byte[] NSetDiscontinued()
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Discontinued)
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "093500");
        ds.SetSequence(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, [
            new DicomDataset(DicomCharacterSet.Utf8)
                .Set(DicomTags.CodeValue, DicomVR.SH, "110514")
                .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM")
                .Set(DicomTags.CodeMeaning, DicomVR.LO, "Incorrect worklist entry selected"),
        ]);
        return Encode(ds);
    }

    /// <summary>A grouped procedure: one N-CREATE performing two requested procedures of two studies (the first holds the MPPS).</summary>
    public static byte[] NCreateGrouped(string accession, string otherAccession, string otherStudyUid)
    {
        var ds = DicomDatasetReader.Read(NCreate("CT01", accession), DicomTransferSyntax.ExplicitVRLittleEndian);
        ds.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep(accession), ScheduledStep(otherAccession, otherStudyUid)]);
        return Encode(ds);
    }

    /// <summary>A valid N-CREATE from CT01 for one accession of another study.</summary>
    public static byte[] NCreateInStudy(string studyUid, string accession)
    {
        var ds = DicomDatasetReader.Read(NCreate("CT01", accession), DicomTransferSyntax.ExplicitVRLittleEndian);
        ds.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep(accession, studyUid)]);
        return Encode(ds);
    }

    private static DicomDataset ScheduledStep(string accession) => ScheduledStep(accession, StudyUid);

    private static DicomDataset ScheduledStep(string accession, string studyUid) =>
        new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
            .Set(DicomTags.RequestedProcedureID, DicomVR.SH, "RP-1")
            .Set(DicomTags.ScheduledProcedureStepID, DicomVR.SH, "SPS-1")
            .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "CT Thorax")
            .SetEmpty(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO)
            .SetEmpty(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO);

    private static byte[] Encode(DicomDataset ds) => DicomDatasetWriter.Write(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
}
