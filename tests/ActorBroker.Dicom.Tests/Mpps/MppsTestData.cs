using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mpps;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Mpps;

/// <summary>MPPS datasets as modalities send them, as bytes and as builders.</summary>
internal static class MppsTestData
{
    public const string Uid = "1.2.826.0.1.3680043.2.1125.1.42";

    // An N-CREATE Attribute List exactly as dcmjs-dimse 0.3.3 encodes it (Dataset.getDenaturalizedDataset with
    // Explicit VR Little Endian): ISO_IR 192, undefined-length sequence and item, empty Type 2 elements, an
    // empty (Type 2) Performed Series Sequence.
    public const string DcmjsNCreate =
        "0800050043530a0049534f5f495220313932" + // (0008,0005) CS "ISO_IR 192"
        "08006000435302004354" + // (0008,0060) CS "CT"
        "10001000504e0e004ec3bac3b1657a5e4a6f73c3a920" + // (0010,0010) PN "Núñez^José " (UTF-8)
        "100020004c4f040050494431" + // (0010,0020) LO "PID1"
        "10003000444108003139373030313031" + // (0010,0030) DA "19700101"
        "10004000435302004d20" + // (0010,0040) CS "M "
        "2000100053480000" + // (0020,0010) SH ""
        "400041024145040043543031" + // (0040,0241) AE "CT01"
        "4000420253480000" + // (0040,0242) SH ""
        "4000430253480000" + // (0040,0243) SH ""
        "40004402444108003230323631313238" + // (0040,0244) DA "20261128"
        "40004502544d0600303933303030" + // (0040,0245) TM "093000"
        "4000500244410000" + // (0040,0250) DA ""
        "40005102544d0000" + // (0040,0251) TM ""
        "4000520243530c00494e2050524f475245535320" + // (0040,0252) CS "IN PROGRESS "
        "400053025348040050505331" + // (0040,0253) SH "PPS1"
        "400054024c4f0a0043542054686f72617820" + // (0040,0254) LO "CT Thorax "
        "4000700253510000ffffffff" + // (0040,0270) SQ undefined length
        "feff00e0ffffffff" + //   item, undefined length
        "080050005348040041434331" + //     (0008,0050) SH "ACC1"
        "20000d0055490800312e322e332e3400" + //     (0020,000D) UI "1.2.3.4"
        "320060104c4f060054686f726178" + //     (0032,1060) LO "Thorax"
        "400009005348040053505331" + //     (0040,0009) SH "SPS1"
        "400001105348040052503120" + //     (0040,1001) SH "RP1 "
        "400016204c4f0400504c3120" + //     (0040,2016) LO "PL1 "
        "feff0de000000000" + //   item delimitation
        "feffdde000000000" + // sequence delimitation
        "4000400353510000ffffffff" + // (0040,0340) SQ undefined length, no item
        "feffdde000000000"; // sequence delimitation

    // The N-SET Modification List that completes it, as dcmjs-dimse 0.3.3 encodes it: one Performed Series
    // item with two Referenced Image items and an empty Referenced Non-Image Composite SOP Instance Sequence.
    public const string DcmjsNSetCompleted =
        "0800050043530a0049534f5f495220313932" + // (0008,0005) CS "ISO_IR 192"
        "40005002444108003230323631313238" + // (0040,0250) DA "20261128"
        "40005102544d0600303934353030" + // (0040,0251) TM "094500"
        "4000520243530a00434f4d504c4554454420" + // (0040,0252) CS "COMPLETED "
        "4000400353510000ffffffff" + // (0040,0340) SQ undefined length
        "feff00e0ffffffff" + //   item, undefined length
        "0800540041450000" + //     (0008,0054) AE ""
        "08003e104c4f0600417869616c20" + //     (0008,103E) LO "Axial "
        "08005010504e0000" + //     (0008,1050) PN ""
        "08007010504e0000" + //     (0008,1070) PN ""
        "0800401153510000ffffffff" + //     (0008,1140) SQ undefined length
        "feff00e0ffffffff" + //       item, undefined length
        "0800501155491a00312e322e3834302e31303030382e352e312e342e312e312e3200" + //         (0008,1150) UI CT Image Storage
        "0800551155490c00312e322e332e342e312e3100" + //         (0008,1155) UI "1.2.3.4.1.1"
        "feff0de000000000" + //       item delimitation
        "feff00e0ffffffff" + //       item, undefined length
        "0800501155491a00312e322e3834302e31303030382e352e312e342e312e312e3200" + //         (0008,1150) UI CT Image Storage
        "0800551155490c00312e322e332e342e312e3200" + //         (0008,1155) UI "1.2.3.4.1.2"
        "feff0de000000000" + //       item delimitation
        "feffdde000000000" + //     sequence delimitation
        "180030104c4f060054686f726178" + //     (0018,1030) LO "Thorax"
        "20000e0055490a00312e322e332e342e3100" + //     (0020,000E) UI "1.2.3.4.1"
        "4000200253510000ffffffff" + //     (0040,0220) SQ undefined length, no item
        "feffdde000000000" + //     sequence delimitation
        "feff0de000000000" + //   item delimitation
        "feffdde000000000"; // sequence delimitation

    /// <summary>What <see cref="DcmjsNCreate"/> says, as the broker keeps it.</summary>
    public static MppsAttributes DcmjsCreated { get; } = new(
        Status: MppsStatus.InProgress,
        PerformedProcedureStepId: "PPS1",
        PerformedStationAeTitle: "CT01",
        PerformedStationName: "",
        PerformedLocation: "",
        StartDate: "20261128",
        StartTime: "093000",
        EndDate: "",
        EndTime: "",
        Modality: "CT",
        StudyId: "",
        Description: "CT Thorax",
        PatientId: "PID1",
        PatientName: "Núñez^José",
        PatientBirthDate: "19700101",
        PatientSex: "M",
        SpecificCharacterSet: "ISO_IR 192",
        ScheduledSteps: [new MppsScheduledStepRef("1.2.3.4", "ACC1", "RP1", "SPS1", "Thorax", "PL1", null)],
        PerformedSeries: [],
        DiscontinuationReason: null);

    public static DicomDataset Explicit(string hex) => DicomDatasetReader.Read(Hex(hex), DicomTransferSyntax.ExplicitVRLittleEndian);

    // Items are built detached in UTF-8, the character set of the datasets they go into.

    /// <summary>A complete, valid N-CREATE Attribute List (ISO_IR 192); <paramref name="change"/> edits it.</summary>
    public static DicomDataset NCreate(Action<DicomDataset>? change = null)
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.Modality, DicomVR.CS, "MR")
            .Set(DicomTags.PatientName, DicomVR.PN, "Müller^Jörg")
            .Set(DicomTags.PatientID, DicomVR.LO, "P-77")
            .Set(DicomTags.PatientBirthDate, DicomVR.DA, "19800229")
            .Set(DicomTags.PatientSex, DicomVR.CS, "M")
            .Set(DicomTags.StudyID, DicomVR.SH, "S1")
            .Set(DicomTags.PerformedStationAETitle, DicomVR.AE, "MR01")
            .Set(DicomTags.PerformedStationName, DicomVR.SH, "MR One")
            .Set(DicomTags.PerformedLocation, DicomVR.SH, "Room 3")
            .Set(DicomTags.PerformedProcedureStepStartDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepStartTime, DicomVR.TM, "101500")
            .SetEmpty(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA)
            .SetEmpty(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM)
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.InProgress)
            .Set(DicomTags.PerformedProcedureStepID, DicomVR.SH, "PPS-9")
            .Set(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, "MR Knie")
            .SetEmpty(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, DicomVR.SQ)
            .SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ);
        ds.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep("1.2.3.100", "ACC-9")]);
        change?.Invoke(ds);
        return ds;
    }

    public static DicomDataset ScheduledStep(string studyUid, string accession) =>
        new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
            .Set(DicomTags.RequestedProcedureID, DicomVR.SH, "RP-9")
            .Set(DicomTags.ScheduledProcedureStepID, DicomVR.SH, "SPS-9")
            .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "MR Knie links")
            .Set(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO, "PLACER-9")
            .Set(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO, "FILLER-9");

    /// <summary>What <see cref="NCreate"/> says, as the broker keeps it.</summary>
    public static MppsAttributes Created { get; } = new(
        Status: MppsStatus.InProgress,
        PerformedProcedureStepId: "PPS-9",
        PerformedStationAeTitle: "MR01",
        PerformedStationName: "MR One",
        PerformedLocation: "Room 3",
        StartDate: "20261128",
        StartTime: "101500",
        EndDate: "",
        EndTime: "",
        Modality: "MR",
        StudyId: "S1",
        Description: "MR Knie",
        PatientId: "P-77",
        PatientName: "Müller^Jörg",
        PatientBirthDate: "19800229",
        PatientSex: "M",
        SpecificCharacterSet: "ISO_IR 192",
        ScheduledSteps: [new MppsScheduledStepRef("1.2.3.100", "ACC-9", "RP-9", "SPS-9", "MR Knie links", "PLACER-9", "FILLER-9")],
        PerformedSeries: [],
        DiscontinuationReason: null);

    /// <summary>A Performed Series item with <paramref name="images"/> image references.</summary>
    public static DicomDataset Series(string seriesUid, int images, int nonImages = 0)
    {
        var item = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesUid)
            .Set(DicomTags.SeriesDescription, DicomVR.LO, "Sag PD")
            .Set(DicomTags.ProtocolName, DicomVR.LO, "Knie")
            .Set(DicomTags.RetrieveAETitle, DicomVR.AE, "PACS")
            .SetEmpty(DicomTags.PerformingPhysicianName, DicomVR.PN)
            .SetEmpty(DicomTags.OperatorsName, DicomVR.PN);
        item.SetSequence(DicomTags.ReferencedImageSequence, Enumerable.Range(1, images).Select(i => Reference($"{seriesUid}.{i}")));
        item.SetSequence(DicomTags.ReferencedNonImageCompositeSOPInstanceSequence, Enumerable.Range(1, nonImages).Select(i => Reference($"{seriesUid}.9{i}")));
        return item;
    }

    /// <summary>An N-SET that completes the step: end date and time, one series of three images.</summary>
    public static DicomDataset NSetCompleted(Action<DicomDataset>? change = null)
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed)
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "104000");
        ds.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 3)]);
        change?.Invoke(ds);
        return ds;
    }

    public static DicomDataset Code(string value, string scheme, string meaning) =>
        new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.CodeValue, DicomVR.SH, value)
            .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme)
            .Set(DicomTags.CodeMeaning, DicomVR.LO, meaning);

    private static DicomDataset Reference(string instanceUid) =>
        new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.4")
            .Set(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, instanceUid);
}
