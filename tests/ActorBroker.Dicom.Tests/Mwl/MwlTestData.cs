using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Dicom.Tests.Mwl;

internal static class MwlTestData
{
    public static MwlEntry Nunez { get; } = new()
    {
        AccessionNumber = "ACC0001",
        PatientId = "PID1",
        IssuerOfPatientId = "HOSP",
        PatientName = "NÚÑEZ^JOSÉ",
        PatientBirthDate = "19700101",
        PatientSex = "M",
        ReferringPhysicianName = "Müller^Hans^^Dr.",
        RequestingPhysician = "Øster^Åsa",
        AdmissionId = "ADM9",
        StudyInstanceUid = "1.2.3.4",
        RequestedProcedureId = "RP1",
        RequestedProcedureDescription = "CT Thorax",
        RequestedProcedureCodeValue = "CT123",
        RequestedProcedureCodingScheme = "99LOCAL",
        RequestedProcedureCodeMeaning = "CT Thorax mit KM",
        RequestedProcedurePriority = "ROUTINE",
        ReasonForRequestedProcedure = "Husten",
        RequestedProcedureComments = "Allergie: Jod",
        PlacerOrderNumber = "PL1",
        FillerOrderNumber = "FI1",
        Modality = "CT",
        ScheduledStationAeTitle = "CT01",
        ScheduledStationName = "CTROOM1",
        SpsLocation = "Radiologie",
        SpsStartDate = "20261128",
        SpsStartTime = "093000",
        TimezoneOffsetFromUtc = "+0100",
        SpsId = "SPS1",
        SpsDescription = "Thorax nativ",
        ProtocolCodeValue = "P1",
        ProtocolCodingScheme = "99LOCAL",
        ProtocolCodeMeaning = "Thorax Protokoll",
        SpsStatus = "SCHEDULED",
        ScheduledPerformingPhysicianName = "Dvořák^Antonín",
    };

    /// <summary>An identifier with the given top-level keys and SPS item keys (all as strings, VR from the dictionary).</summary>
    public static DicomDataset Identifier(IEnumerable<(DicomTag Tag, string Value)> top, IEnumerable<(DicomTag Tag, string Value)>? sps = null, string charset = "ISO_IR 192")
    {
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, charset);
        foreach (var (tag, value) in top) ds.Set(tag, DicomDictionary.Lookup(tag)!.Value.Vr, value);
        if (sps is not null)
        {
            var item = new DicomDataset(DicomCharacterSet.Parse(charset));
            foreach (var (tag, value) in sps) item.Set(tag, DicomDictionary.Lookup(tag)!.Value.Vr, value);
            ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [item]);
        }
        return ds;
    }

    public static MwlQuery Query(IEnumerable<(DicomTag, string)> top, IEnumerable<(DicomTag, string)>? sps = null, MwlMatchingOptions? options = null) =>
        MwlQuery.Parse(Identifier(top, sps), options);

    public static MwlQuery Sps(params (DicomTag, string)[] sps) => Query([], sps);

    public static MwlQuery Top(params (DicomTag, string)[] top) => Query(top);
}
