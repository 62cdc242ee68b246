using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;
using static ActorBroker.Dicom.Tests.Data.TestBytes;
using static ActorBroker.Dicom.Tests.Mwl.MwlTestData;

namespace ActorBroker.Dicom.Tests.Mwl;

public sealed class MwlResponseBuilderTests
{
    [Fact]
    public void Returns_only_the_requested_keys_with_the_SPS_item_from_the_template()
    {
        var q = Query(
            [(DicomTags.PatientName, ""), (DicomTags.PatientID, "PID1"), (DicomTags.AccessionNumber, "")],
            [(DicomTags.Modality, "CT"), (DicomTags.ScheduledProcedureStepStartDate, ""), (DicomTags.ScheduledStationAETitle, "")]);
        var r = MwlResponseBuilder.Build(q, Nunez, DicomCharacterSet.Utf8);
        Assert.Equal(
            [DicomTags.SpecificCharacterSet, DicomTags.AccessionNumber, DicomTags.PatientName, DicomTags.PatientID, DicomTags.ScheduledProcedureStepSequence],
            r.Select(e => e.Tag).ToArray());
        Assert.Equal("ISO_IR 192", r.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("NÚÑEZ^JOSÉ", r.GetString(DicomTags.PatientName));
        Assert.Equal("ACC0001", r.GetString(DicomTags.AccessionNumber));
        var sps = Assert.Single(r.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        Assert.Equal([DicomTags.Modality, DicomTags.ScheduledStationAETitle, DicomTags.ScheduledProcedureStepStartDate], sps.Select(e => e.Tag).ToArray());
        Assert.Equal("20261128", sps.GetString(DicomTags.ScheduledProcedureStepStartDate));
        Assert.Equal("CT01", sps.GetString(DicomTags.ScheduledStationAETitle));
    }

    [Fact]
    public void Unknown_and_empty_values_come_back_zero_length()
    {
        var q = MwlQuery.Parse(new DicomDataset()
            .SetEmpty(DicomTags.PatientAge, DicomVR.AS)
            .SetEmpty(DicomTags.ReferencedStudySequence, DicomVR.SQ)
            .SetEmpty(DicomTags.AdmissionID, DicomVR.LO));
        var r = MwlResponseBuilder.Build(q, Nunez with { AdmissionId = "" }, DicomCharacterSet.Utf8);
        Assert.True(r[DicomTags.PatientAge]!.IsEmpty);
        Assert.Equal(DicomVR.AS, r[DicomTags.PatientAge]!.VR);
        Assert.True(r[DicomTags.ReferencedStudySequence]!.IsSequence);
        Assert.Empty(r.GetSequence(DicomTags.ReferencedStudySequence));
        Assert.True(r[DicomTags.AdmissionID]!.IsEmpty);
    }

    [Fact]
    public void An_empty_SPS_key_returns_the_whole_item()
    {
        var q = MwlQuery.Parse(new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence, []));
        var sps = Assert.Single(MwlResponseBuilder.Build(q, Nunez, DicomCharacterSet.Utf8).GetSequence(DicomTags.ScheduledProcedureStepSequence));
        Assert.Equal("CT", sps.GetString(DicomTags.Modality));
        Assert.Equal("SPS1", sps.GetString(DicomTags.ScheduledProcedureStepID));
        Assert.Equal("SCHEDULED", sps.GetString(DicomTags.ScheduledProcedureStepStatus));
        Assert.Equal("Dvořák^Antonín", sps.GetString(DicomTags.ScheduledPerformingPhysicianName));
        var code = Assert.Single(sps.GetSequence(DicomTags.ScheduledProtocolCodeSequence));
        Assert.Equal("P1", code.GetString(DicomTags.CodeValue));
        Assert.Equal("Thorax Protokoll", code.GetString(DicomTags.CodeMeaning));
    }

    [Fact]
    public void Code_sequences_follow_their_template_and_are_empty_when_unknown()
    {
        var template = new DicomDataset().SetEmpty(DicomTags.CodeValue, DicomVR.SH).SetEmpty(DicomTags.CodeMeaning, DicomVR.LO);
        var q = MwlQuery.Parse(new DicomDataset().SetSequence(DicomTags.RequestedProcedureCodeSequence, [template]));
        var item = Assert.Single(MwlResponseBuilder.Build(q, Nunez, DicomCharacterSet.Utf8).GetSequence(DicomTags.RequestedProcedureCodeSequence));
        Assert.Equal([DicomTags.CodeValue, DicomTags.CodeMeaning], item.Select(e => e.Tag).ToArray());
        Assert.Equal("CT Thorax mit KM", item.GetString(DicomTags.CodeMeaning));
        var none = MwlResponseBuilder.Build(q, Nunez with { RequestedProcedureCodeValue = "", RequestedProcedureCodingScheme = "", RequestedProcedureCodeMeaning = "" }, DicomCharacterSet.Utf8);
        Assert.Empty(none.GetSequence(DicomTags.RequestedProcedureCodeSequence));
        Assert.True(none.Contains(DicomTags.RequestedProcedureCodeSequence));
    }

    [Fact]
    public void Timezone_offset_only_when_asked()
    {
        var asked = MwlResponseBuilder.Build(Top((DicomTags.TimezoneOffsetFromUTC, "")), Nunez, DicomCharacterSet.Utf8);
        Assert.Equal("+0100", asked.GetString(DicomTags.TimezoneOffsetFromUTC));
        var notAsked = MwlResponseBuilder.Build(Top((DicomTags.PatientID, "")), Nunez, DicomCharacterSet.Utf8);
        Assert.False(notAsked.Contains(DicomTags.TimezoneOffsetFromUTC));
    }

    [Fact]
    public void Latin_1_target_gets_Latin_1_bytes_and_folds_only_what_Latin_1_lacks()
    {
        var q = Query([(DicomTags.PatientName, "")], [(DicomTags.ScheduledPerformingPhysicianName, "")]);
        var r = MwlResponseBuilder.Build(q, Nunez, DicomCharacterSet.Latin1);
        Assert.Equal("ISO_IR 100", r.GetString(DicomTags.SpecificCharacterSet));
        // NÚÑEZ^JOSÉ in ISO 8859-1, padded to even length.
        Assert.Equal(Hex("4EDAD1455A5E4A4F53C9"), r[DicomTags.PatientName]!.Value.ToArray());
        var sps = r.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0];
        Assert.Equal("Dvorák^Antonín", sps.GetString(DicomTags.ScheduledPerformingPhysicianName));
    }

    [Fact]
    public void ASCII_target_gets_transliterated_names_and_no_character_set()
    {
        var q = Query([(DicomTags.PatientName, ""), (DicomTags.ReferringPhysicianName, ""), (DicomTags.RequestingPhysician, "")]);
        var r = MwlResponseBuilder.Build(q, Nunez, DicomCharacterSet.Default);
        Assert.False(r.Contains(DicomTags.SpecificCharacterSet));
        Assert.Equal("NUNEZ^JOSE", r.GetString(DicomTags.PatientName));
        Assert.Equal("Muller^Hans^^Dr.", r.GetString(DicomTags.ReferringPhysicianName));
        Assert.Equal("Oster^Asa", r.GetString(DicomTags.RequestingPhysician));
    }

    [Fact]
    public void A_response_survives_the_wire_in_both_transfer_syntaxes()
    {
        var identifier = DicomDatasetReader.Read(Hex(Data.DicomDatasetReaderTests.FindscuIdentifierImplicit), DicomTransferSyntax.ImplicitVRLittleEndian);
        var q = MwlQuery.Parse(identifier);
        var entry = Nunez with { PatientName = "Müller^Jürgen", SpsStartDate = "20261127" };
        Assert.True(q.Matches(entry));
        // The modality asked in ISO_IR 100; answer in it.
        var r = MwlResponseBuilder.Build(q, entry, identifier.CharacterSet);
        foreach (var ts in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian })
        {
            var back = DicomDatasetReader.Read(DicomDatasetWriter.Write(r, ts), ts);
            Assert.Equal("Müller^Jürgen", back.GetString(DicomTags.PatientName));
            Assert.Equal("1.2.3.4", back.GetString(DicomTags.StudyInstanceUID));
            var sps = Assert.Single(back.GetSequence(DicomTags.ScheduledProcedureStepSequence));
            Assert.Equal("20261127", sps.GetString(DicomTags.ScheduledProcedureStepStartDate));
            Assert.Equal("093000", sps.GetString(DicomTags.ScheduledProcedureStepStartTime));
            Assert.Equal(identifier.Select(e => e.Tag).ToArray(), back.Select(e => e.Tag).ToArray());
        }
    }
}
