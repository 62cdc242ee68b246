using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Sr;

namespace ActorBroker.Dicom.Tests.Sr;

/// <summary>SR datasets built in code: the one /work/shared/peers/make-sr.sh builds, and content items for other trees.</summary>
internal static class SrTestData
{
    // make-sr.sh defaults, with fixed UIDs and dates (the script draws them at run time).
    public const string Accession = "ACC00000512";
    public const string PatientId = "PID0000512";
    public const string PatientName = "Núñez^José";
    public const string StudyUid = "2.25.26386621736632377956598289970656454468";
    public const string SeriesUid = "2.25.111111111111111111111111111111111111";
    public const string SopUid = "2.25.222222222222222222222222222222222222";
    public const string Finding = "Sin hallazgos agudos. No acute findings.";
    public const string Conclusion = "Normal CT chest (señal normal).";
    public const string Date = "20261128";
    public const string Time = "101500";

    /// <summary>
    /// The dataset make-sr.sh feeds to dump2dcm, element for element (without the file meta group):
    /// Basic Text SR, ISO_IR 192, COMPLETE / UNVERIFIED, one Referenced Request item, two TEXT items under the root.
    /// </summary>
    public static DicomDataset MakeSr(
        string accession = Accession,
        string patientId = PatientId,
        string patientName = PatientName,
        string studyUid = StudyUid,
        string finding = Finding,
        string conclusion = Conclusion)
    {
        var cs = DicomCharacterSet.Utf8;
        var n = accession.StartsWith("ACC", StringComparison.Ordinal) ? accession[3..] : accession;
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.InstanceCreationDate, DicomVR.DA, Date)
            .Set(DicomTags.InstanceCreationTime, DicomVR.TM, Time)
            .Set(DicomTags.SOPClassUID, DicomVR.UI, SrSopClasses.BasicText)
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, SopUid)
            .Set(DicomTags.StudyDate, DicomVR.DA, Date)
            .Set(DicomTags.ContentDate, DicomVR.DA, Date)
            .Set(DicomTags.StudyTime, DicomVR.TM, Time)
            .Set(DicomTags.ContentTime, DicomVR.TM, Time)
            .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
            .Set(DicomTags.Modality, DicomVR.CS, "SR")
            .Set(DicomTags.Manufacturer, DicomVR.LO, "PeerTest")
            .Set(DicomTags.ReferringPhysicianName, DicomVR.PN, "House^Gregory")
            .SetSequence(DicomTags.ReferencedPerformedProcedureStepSequence, [])
            .Set(DicomTags.PatientName, DicomVR.PN, patientName)
            .Set(DicomTags.PatientID, DicomVR.LO, patientId)
            .Set(DicomTags.PatientBirthDate, DicomVR.DA, "19700101")
            .Set(DicomTags.PatientSex, DicomVR.CS, "M")
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
            .Set(DicomTags.SeriesInstanceUID, DicomVR.UI, SeriesUid)
            .Set(DicomTags.StudyID, DicomVR.SH, "1")
            .Set(DicomTags.SeriesNumber, DicomVR.IS, "900")
            .Set(DicomTags.InstanceNumber, DicomVR.IS, "1")
            .Set(DicomTags.ValueType, DicomVR.CS, "CONTAINER")
            .SetSequence(DicomTags.ConceptNameCodeSequence, [Code(cs, "18748-4", "LN", "Diagnostic Imaging Report")])
            .Set(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE")
            .SetSequence(DicomTags.ReferencedRequestSequence,
            [
                new DicomDataset(cs)
                    .Set(DicomTags.AccessionNumber, DicomVR.SH, accession)
                    .SetSequence(DicomTags.ReferencedStudySequence, [])
                    .Set(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
                    .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "CT CHEST WITH CONTRAST")
                    .SetSequence(DicomTags.RequestedProcedureCodeSequence, [])
                    .Set(DicomTags.RequestedProcedureID, DicomVR.SH, "RP" + n)
                    .Set(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO, "ORD" + n)
                    .Set(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO, accession),
            ])
            .SetSequence(DicomTags.PerformedProcedureCodeSequence, [])
            .Set(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE")
            .Set(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED")
            .SetSequence(DicomTags.ContentSequence,
            [
                Text(cs, "CONTAINS", "121071", "Finding", finding),
                Text(cs, "CONTAINS", "121076", "Conclusion", conclusion),
            ]);
        return ds;
    }

    /// <summary>The dump2dcm input make-sr.sh writes, with <see cref="MakeSr"/>'s fixed values.</summary>
    public static string MakeSrDump() =>
        $"""
        (0002,0001) OB 00\01
        (0002,0002) UI [1.2.840.10008.5.1.4.1.1.88.11]
        (0002,0003) UI [{SopUid}]
        (0002,0010) UI [1.2.840.10008.1.2.1]
        (0008,0005) CS [ISO_IR 192]
        (0008,0012) DA [{Date}]
        (0008,0013) TM [{Time}]
        (0008,0016) UI [1.2.840.10008.5.1.4.1.1.88.11]
        (0008,0018) UI [{SopUid}]
        (0008,0020) DA [{Date}]
        (0008,0023) DA [{Date}]
        (0008,0030) TM [{Time}]
        (0008,0033) TM [{Time}]
        (0008,0050) SH [{Accession}]
        (0008,0060) CS [SR]
        (0008,0070) LO [PeerTest]
        (0008,0090) PN [House^Gregory]
        (0008,1111) SQ
        (fffe,e0dd) -
        (0010,0010) PN [{PatientName}]
        (0010,0020) LO [{PatientId}]
        (0010,0030) DA [19700101]
        (0010,0040) CS [M]
        (0020,000d) UI [{StudyUid}]
        (0020,000e) UI [{SeriesUid}]
        (0020,0010) SH [1]
        (0020,0011) IS [900]
        (0020,0013) IS [1]
        (0040,a040) CS [CONTAINER]
        (0040,a043) SQ
        (fffe,e000) -
        (0008,0100) SH [18748-4]
        (0008,0102) SH [LN]
        (0008,0104) LO [Diagnostic Imaging Report]
        (fffe,e00d) -
        (fffe,e0dd) -
        (0040,a050) CS [SEPARATE]
        (0040,a370) SQ
        (fffe,e000) -
        (0008,0050) SH [{Accession}]
        (0008,1110) SQ
        (fffe,e0dd) -
        (0020,000d) UI [{StudyUid}]
        (0032,1060) LO [CT CHEST WITH CONTRAST]
        (0032,1064) SQ
        (fffe,e0dd) -
        (0040,1001) SH [RP00000512]
        (0040,2016) LO [ORD00000512]
        (0040,2017) LO [{Accession}]
        (fffe,e00d) -
        (fffe,e0dd) -
        (0040,a372) SQ
        (fffe,e0dd) -
        (0040,a491) CS [COMPLETE]
        (0040,a493) CS [UNVERIFIED]
        (0040,a730) SQ
        (fffe,e000) -
        (0040,a010) CS [CONTAINS]
        (0040,a040) CS [TEXT]
        (0040,a043) SQ
        (fffe,e000) -
        (0008,0100) SH [121071]
        (0008,0102) SH [DCM]
        (0008,0104) LO [Finding]
        (fffe,e00d) -
        (fffe,e0dd) -
        (0040,a160) UT [{Finding}]
        (fffe,e00d) -
        (fffe,e000) -
        (0040,a010) CS [CONTAINS]
        (0040,a040) CS [TEXT]
        (0040,a043) SQ
        (fffe,e000) -
        (0008,0100) SH [121076]
        (0008,0102) SH [DCM]
        (0008,0104) LO [Conclusion]
        (fffe,e00d) -
        (fffe,e0dd) -
        (0040,a160) UT [{Conclusion}]
        (fffe,e00d) -
        (fffe,e0dd) -

        """;

    /// <summary>A minimal SR of the given class with the given root content, flags and charset.</summary>
    public static DicomDataset Document(
        IEnumerable<DicomDataset> content,
        string sopClass = SrSopClasses.Comprehensive,
        string charset = "ISO_IR 192",
        string completion = "COMPLETE",
        string verification = "VERIFIED")
    {
        var cs = DicomCharacterSet.Parse(charset);
        return new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, charset)
            .Set(DicomTags.SOPClassUID, DicomVR.UI, sopClass)
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, SopUid)
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, StudyUid)
            .Set(DicomTags.ValueType, DicomVR.CS, "CONTAINER")
            .SetSequence(DicomTags.ConceptNameCodeSequence, [Code(cs, "18748-4", "LN", "Diagnostic Imaging Report")])
            .Set(DicomTags.CompletionFlag, DicomVR.CS, completion)
            .Set(DicomTags.VerificationFlag, DicomVR.CS, verification)
            .SetSequence(DicomTags.ContentSequence, content);
    }

    public static DicomDataset Code(DicomCharacterSet cs, string value, string scheme, string meaning) =>
        new DicomDataset(cs)
            .Set(DicomTags.CodeValue, DicomVR.SH, value)
            .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme)
            .Set(DicomTags.CodeMeaning, DicomVR.LO, meaning);

    public static DicomDataset Item(DicomCharacterSet cs, string relationship, string valueType, string conceptCode, string conceptMeaning, string scheme = "DCM")
    {
        var item = new DicomDataset(cs)
            .Set(DicomTags.RelationshipType, DicomVR.CS, relationship)
            .Set(DicomTags.ValueType, DicomVR.CS, valueType);
        if (conceptMeaning.Length > 0)
        {
            item.SetSequence(DicomTags.ConceptNameCodeSequence, [Code(cs, conceptCode, scheme, conceptMeaning)]);
        }

        return item;
    }

    public static DicomDataset Text(DicomCharacterSet cs, string relationship, string code, string meaning, string text) =>
        Item(cs, relationship, "TEXT", code, meaning).Set(DicomTags.TextValue, DicomVR.UT, text);

    public static DicomDataset Container(DicomCharacterSet cs, string code, string meaning, params DicomDataset[] children) =>
        Item(cs, "CONTAINS", "CONTAINER", code, meaning)
            .Set(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE")
            .SetSequence(DicomTags.ContentSequence, children);

    public static DicomDataset CodeItem(DicomCharacterSet cs, string relationship, string conceptMeaning, string value, string scheme, string meaning) =>
        Item(cs, relationship, "CODE", "C" + conceptMeaning.Length, conceptMeaning)
            .SetSequence(DicomTags.ConceptCodeSequence, [Code(cs, value, scheme, meaning)]);

    public static DicomDataset Num(DicomCharacterSet cs, string conceptMeaning, string value, string unitCode, string unitMeaning)
    {
        var measured = new DicomDataset(cs).Set(DicomTags.NumericValue, DicomVR.DS, value);
        if (unitCode.Length > 0)
        {
            measured.SetSequence(DicomTags.MeasurementUnitsCodeSequence, [Code(cs, unitCode, "UCUM", unitMeaning)]);
        }

        return Item(cs, "CONTAINS", "NUM", "N" + conceptMeaning.Length, conceptMeaning)
            .SetSequence(DicomTags.MeasuredValueSequence, value.Length > 0 ? [measured] : []);
    }

    public static DicomDataset Image(DicomCharacterSet cs, string sopInstance) =>
        Item(cs, "CONTAINS", "IMAGE", "", "")
            .SetSequence(DicomTags.ReferencedSOPSequence,
            [
                new DicomDataset(cs)
                    .Set(DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.2")
                    .Set(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, sopInstance),
            ]);
}
