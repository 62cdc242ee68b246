using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using static ActorBroker.Dicom.Tests.Mpps.MppsTestData;

namespace ActorBroker.Dicom.Tests.Mpps;

// DICOM PS3.4 F.7.2.1 and Table F.7.2-1 (N-CREATE column); PS3.7 10.1.5.1.6
public sealed class MppsCreateRulesTests
{
    private static readonly DicomTag[] Type1 =
    [
        DicomTags.Modality,
        DicomTags.PerformedStationAETitle,
        DicomTags.PerformedProcedureStepStartDate,
        DicomTags.PerformedProcedureStepStartTime,
        DicomTags.PerformedProcedureStepStatus,
        DicomTags.PerformedProcedureStepID,
        DicomTags.ScheduledStepAttributesSequence,
    ];

    public static TheoryData<string> Type1Tags() => new(Type1.Select(t => t.ToString()));

    [Fact]
    public void A_dcmjs_dimse_N_CREATE_parsed_from_its_bytes_is_accepted_with_everything_the_broker_keeps()
    {
        var outcome = MppsRules.Create(instanceExists: false, Uid, Explicit(DcmjsNCreate));

        var accepted = Assert.IsType<MppsOutcome.Accepted>(outcome);
        Assert.Equal(DcmjsCreated, accepted.Attributes);
        Assert.Equal("Núñez^José", accepted.Attributes.PatientName);
        Assert.False(accepted.Attributes.IsFinal);
    }

    [Fact]
    public void A_complete_N_CREATE_is_accepted()
    {
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, NCreate()));
        Assert.Equal(Created, accepted.Attributes);
    }

    [Fact]
    public void The_same_N_CREATE_written_with_undefined_lengths_in_either_VR_encoding_reads_the_same()
    {
        var ds = NCreate(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 2, nonImages: 1)]));
        var expected = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, ds)).Attributes;
        foreach (var syntax in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian })
        {
            var bytes = DicomDatasetWriter.Write(ds, syntax, new DicomWriteOptions { UndefinedLengthSequences = true });
            var parsed = DicomDatasetReader.Read(bytes, syntax);
            var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, parsed));
            Assert.Equal(expected, accepted.Attributes);
            Assert.Equal(new MppsPerformedSeries("1.2.3.100.1", "Sag PD", "Knie", "PACS", 2, 1), Assert.Single(accepted.Attributes.PerformedSeries));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_an_Affected_SOP_Instance_UID_the_N_CREATE_is_refused_with_0120(string? uid)
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, uid, NCreate()));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([DicomTags.AffectedSOPInstanceUID], refused.OffendingElements);
        Assert.Contains("Affected SOP Instance UID", refused.ErrorComment, StringComparison.Ordinal);
        Assert.Null(refused.ErrorId);
    }

    [Theory]
    [InlineData("1.2.3.abc")]
    [InlineData("1.2.3.4 ")]
    [InlineData("6f1c2b8e-3f0d-4c35-9a0b-111111111111")]
    public void An_Affected_SOP_Instance_UID_that_is_no_UID_is_refused_with_0117(string uid)
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, uid, NCreate()));
        Assert.Equal(DicomStatus.InvalidObjectInstance, refused.Status);
    }

    [Fact]
    public void A_UID_longer_than_64_characters_is_refused_and_one_of_64_with_leading_zeros_accepted()
    {
        var sixtyFour = "1.2.03." + new string('1', 57);
        Assert.Equal(64, sixtyFour.Length);
        Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, sixtyFour, NCreate()));
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, sixtyFour + "1", NCreate()));
        Assert.Equal(DicomStatus.InvalidObjectInstance, refused.Status);
    }

    [Fact]
    public void An_existing_instance_is_a_duplicate_0111_even_when_the_dataset_is_also_wrong()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(instanceExists: true, Uid, new DicomDataset()));
        Assert.Equal(DicomStatus.DuplicateSOPInstance, refused.Status);
        Assert.Empty(refused.OffendingElements);
    }

    [Fact]
    public void An_empty_or_absent_Attribute_List_names_every_Type_1_attribute()
    {
        foreach (var dataset in new[] { null, new DicomDataset() })
        {
            var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, dataset));
            Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
            Assert.Equal(Type1, refused.OffendingElements);
        }
    }

    [Theory]
    [MemberData(nameof(Type1Tags))]
    public void Each_absent_Type_1_attribute_is_refused_with_0120_naming_it(string tagText)
    {
        var tag = DicomTag.Parse(tagText);
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, NCreate(d => d.Remove(tag))));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([tag], refused.OffendingElements);
        Assert.Contains(tag.ToString(), refused.ErrorComment, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Type1Tags))]
    public void Each_empty_Type_1_attribute_is_refused_with_0121_naming_it(string tagText)
    {
        var tag = DicomTag.Parse(tagText);
        var vr = DicomDictionary.Lookup(tag)!.Value.Vr;
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, NCreate(d => d.SetEmpty(tag, vr))));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([tag], refused.OffendingElements);
    }

    [Fact]
    public void A_value_of_spaces_only_is_an_empty_value()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, NCreate(d => d.Set(DicomTags.PerformedProcedureStepID, DicomVR.SH, "    "))));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedProcedureStepID], refused.OffendingElements);
    }

    [Fact]
    public void Absent_and_empty_together_give_0120_for_the_absent_ones_and_name_the_empty_ones_in_the_comment()
    {
        var ds = NCreate(d =>
        {
            d.Remove(DicomTags.Modality);
            d.Remove(DicomTags.PerformedProcedureStepID);
            d.SetEmpty(DicomTags.PerformedStationAETitle, DicomVR.AE);
        });
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, ds));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([DicomTags.Modality, DicomTags.PerformedProcedureStepID], refused.OffendingElements);
        Assert.Equal("Type 1 absent: (0008,0060) (0040,0253); empty: (0040,0241)", refused.ErrorComment);
    }

    [Fact]
    public void A_Scheduled_Step_Attributes_Sequence_without_items_is_an_empty_Type_1_sequence()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence, []))));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.ScheduledStepAttributesSequence], refused.OffendingElements);
    }

    [Fact]
    public void A_scheduled_step_without_Study_Instance_UID_is_named_after_its_sequence_once_for_all_items()
    {
        var absent = NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence,
        [
            ScheduledStep("1.2.3", "A1").Also(i => i.Remove(DicomTags.StudyInstanceUID)),
            ScheduledStep("1.2.4", "A2").Also(i => i.Remove(DicomTags.StudyInstanceUID)),
        ]));
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, absent));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([DicomTags.ScheduledStepAttributesSequence, DicomTags.StudyInstanceUID], refused.OffendingElements);
        Assert.Equal("Type 1 absent: (0040,0270)>(0020,000D)", refused.ErrorComment);

        var empty = NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence,
            [ScheduledStep("1.2.3", "A1").Also(i => i.SetEmpty(DicomTags.StudyInstanceUID, DicomVR.UI))]));
        refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, empty));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.ScheduledStepAttributesSequence, DicomTags.StudyInstanceUID], refused.OffendingElements);
    }

    [Fact]
    public void A_performed_series_item_created_without_Series_Instance_UID_is_refused()
    {
        var ds = NCreate(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.9", 1).Also(i => i.Remove(DicomTags.SeriesInstanceUID))]));
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, ds));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([DicomTags.PerformedSeriesSequence, DicomTags.SeriesInstanceUID], refused.OffendingElements);
    }

    [Theory]
    [InlineData(MppsStatus.Completed)]
    [InlineData(MppsStatus.Discontinued)]
    [InlineData("in progress")]
    [InlineData("STARTED")]
    public void An_N_CREATE_whose_status_is_not_IN_PROGRESS_is_refused_with_0106_on_the_status(string status)
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Create(false, Uid, NCreate(d => d.Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, status))));
        Assert.Equal(DicomStatus.InvalidAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedProcedureStepStatus], refused.OffendingElements);
        Assert.Contains(status, refused.ErrorComment, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_2_attributes_may_be_empty_or_absent_and_read_as_empty_strings()
    {
        var ds = NCreate(d =>
        {
            d.SetEmpty(DicomTags.PatientName, DicomVR.PN);
            d.Remove(DicomTags.PatientID);
            d.Remove(DicomTags.PatientBirthDate);
            d.SetEmpty(DicomTags.PatientSex, DicomVR.CS);
            d.Remove(DicomTags.StudyID);
            d.Remove(DicomTags.PerformedStationName);
            d.SetEmpty(DicomTags.PerformedLocation, DicomVR.SH);
            d.Remove(DicomTags.PerformedProcedureStepEndDate);
            d.Remove(DicomTags.PerformedProcedureStepDescription);
            d.Remove(DicomTags.PerformedSeriesSequence);
            d.Remove(DicomTags.SpecificCharacterSet);
        });
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, ds));
        Assert.Equal(Created with
        {
            PatientName = "",
            PatientId = "",
            PatientBirthDate = "",
            PatientSex = "",
            StudyId = "",
            PerformedStationName = "",
            PerformedLocation = "",
            Description = "",
            SpecificCharacterSet = "",
        }, accepted.Attributes);
    }

    [Fact]
    public void An_unscheduled_step_has_a_generated_Study_Instance_UID_and_empty_scheduling_attributes()
    {
        // PS3.4 F.7.2.1.2 note 3: only the Study Instance UID has a value; 2/2 attributes are zero length, 3/3 absent.
        var step = new DicomDataset()
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, "2.25.1234")
            .SetEmpty(DicomTags.AccessionNumber, DicomVR.SH)
            .SetEmpty(DicomTags.RequestedProcedureID, DicomVR.SH)
            .SetEmpty(DicomTags.ScheduledProcedureStepID, DicomVR.SH)
            .SetEmpty(DicomTags.RequestedProcedureDescription, DicomVR.LO)
            .SetEmpty(DicomTags.ReferencedStudySequence, DicomVR.SQ)
            .SetEmpty(DicomTags.ScheduledProtocolCodeSequence, DicomVR.SQ);
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence, [step]))));
        Assert.Equal(new MppsScheduledStepRef("2.25.1234", "", "", "", "", null, null), Assert.Single(accepted.Attributes.ScheduledSteps));
    }

    [Fact]
    public void Several_scheduled_steps_are_kept_in_order()
    {
        var ds = NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep("1.2.3.100", "ACC-1"), ScheduledStep("1.2.3.100", "ACC-2")]));
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, ds));
        Assert.Equal(["ACC-1", "ACC-2"], accepted.Attributes.ScheduledSteps.Select(s => s.AccessionNumber));
    }

    [Fact]
    public void A_discontinuation_reason_created_with_the_step_is_kept_and_a_long_code_value_stands_in_for_the_code_value()
    {
        var code = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.LongCodeValue, DicomVR.UC, "A-LONG-CODE-VALUE-OF-MORE-THAN-16")
            .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, "99LOCAL")
            .Set(DicomTags.CodeMeaning, DicomVR.LO, "Gerät defekt");
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, NCreate(d => d.SetSequence(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, [code]))));
        Assert.Equal(new MppsCode("A-LONG-CODE-VALUE-OF-MORE-THAN-16", "99LOCAL", "Gerät defekt"), accepted.Attributes.DiscontinuationReason);
    }

    [Fact]
    public void Latin_1_text_is_decoded_with_the_declared_character_set()
    {
        // Setting (0008,0005) re-encodes the name: on the wire it is ISO 8859-1 ("M" FC "ller^J" F6 "rg").
        var bytes = DicomDatasetWriter.Write(NCreate(d => d.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Contains("10001000504e0c004dfc6c6c65725e4af67267", Data.TestBytes.ToHex(bytes), StringComparison.Ordinal);

        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, DicomDatasetReader.Read(bytes, DicomTransferSyntax.ExplicitVRLittleEndian)));
        Assert.Equal("Müller^Jörg", accepted.Attributes.PatientName);
        Assert.Equal("ISO_IR 100", accepted.Attributes.SpecificCharacterSet);
    }

    [Fact]
    public void A_foreign_SOP_class_is_no_such_SOP_class_and_the_MPPS_class_passes()
    {
        Assert.Null(MppsRules.CheckSopClass("1.2.840.10008.3.1.2.3.3"));
        var refused = MppsRules.CheckSopClass("1.2.840.10008.5.1.4.33");
        Assert.NotNull(refused);
        Assert.Equal(DicomStatus.NoSuchSOPClass, refused.Status);
        Assert.Equal(0x0118, refused.Status.Code);
        Assert.Equal(DicomStatus.NoSuchSOPClass, MppsRules.CheckSopClass(null)!.Status);
    }
}
