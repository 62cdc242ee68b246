using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using static ActorBroker.Dicom.Tests.Mpps.MppsTestData;

namespace ActorBroker.Dicom.Tests.Mpps;

// DICOM PS3.4 F.7.2.2, Table F.7.2-1 (N-SET and Final State columns), Table F.7.2-2; PS3.7 10.1.3.1.9
public sealed class MppsSetRulesTests
{
    private static MppsAttributes Completed { get; } = Accept(Created, NSetCompleted());

    // Attributes Table F.7.2-1 does not allow in N-SET, each with a value other than the one created.
    public static TheoryData<string, string, string> NotAllowedChanges() => new()
    {
        { "(0008,0060)", "CS", "CT" },
        { "(0010,0010)", "PN", "Müller^Jürgen" },
        { "(0010,0020)", "LO", "P-78" },
        { "(0010,0030)", "DA", "19800301" },
        { "(0010,0040)", "CS", "F" },
        { "(0020,0010)", "SH", "S2" },
        { "(0040,0241)", "AE", "MR02" },
        { "(0040,0242)", "SH", "MR Two" },
        { "(0040,0243)", "SH", "Room 4" },
        { "(0040,0244)", "DA", "20261127" },
        { "(0040,0245)", "TM", "101501" },
        { "(0040,0253)", "SH", "PPS-10" },
    };

    [Fact]
    public void The_dcmjs_dimse_N_SET_parsed_from_its_bytes_completes_the_dcmjs_dimse_N_CREATE()
    {
        var created = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Create(false, Uid, Explicit(DcmjsNCreate))).Attributes;

        var outcome = MppsRules.Set(created, Uid, Explicit(DcmjsNSetCompleted));

        var accepted = Assert.IsType<MppsOutcome.Accepted>(outcome);
        Assert.Equal(DcmjsCreated with
        {
            Status = MppsStatus.Completed,
            EndDate = "20261128",
            EndTime = "094500",
            PerformedSeries = [new MppsPerformedSeries("1.2.3.4.1", "Axial", "Thorax", "", ReferencedImageCount: 2, ReferencedNonImageCount: 0)],
        }, accepted.Attributes);
        Assert.True(accepted.Attributes.IsFinal);
    }

    [Fact]
    public void An_implicit_VR_N_SET_with_undefined_lengths_is_read_through_the_dictionary()
    {
        // (0040,0220) must be known as SQ for its items to be read in Implicit VR.
        var mod = NSetCompleted(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 2, nonImages: 2)]));
        var bytes = DicomDatasetWriter.Write(mod, DicomTransferSyntax.ImplicitVRLittleEndian, new DicomWriteOptions { UndefinedLengthSequences = true });
        var parsed = DicomDatasetReader.Read(bytes, DicomTransferSyntax.ImplicitVRLittleEndian);

        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, parsed));
        Assert.Equal(new MppsPerformedSeries("1.2.3.100.1", "Sag PD", "Knie", "PACS", 2, 2), Assert.Single(accepted.Attributes.PerformedSeries));
    }

    [Fact]
    public void An_unknown_instance_is_no_such_SOP_instance_0112()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(null, Uid, NSetCompleted()));
        Assert.Equal(DicomStatus.NoSuchObjectInstance, refused.Status);
        refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, null, NSetCompleted()));
        Assert.Equal(DicomStatus.NoSuchObjectInstance, refused.Status);
    }

    [Theory]
    [InlineData(MppsStatus.Completed)]
    [InlineData(MppsStatus.Discontinued)]
    public void A_final_instance_may_no_longer_be_updated_0110_A710(string status)
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Completed with { Status = status }, Uid, NSetCompleted()));
        Assert.Equal(DicomStatus.ProcessingFailure, refused.Status);
        Assert.Equal((ushort)0xA710, refused.ErrorId);
        Assert.Equal("Performed Procedure Step Object may no longer be updated", refused.ErrorComment);
        Assert.Empty(refused.OffendingElements);
    }

    [Fact]
    public void Even_an_identical_resend_after_completion_is_refused_as_no_longer_updatable()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Completed, Uid, NSetCompleted()));
        Assert.Equal(MppsRules.MayNoLongerBeUpdatedErrorId, refused.ErrorId);
    }

    [Theory]
    [MemberData(nameof(NotAllowedChanges))]
    public void An_attribute_not_allowed_in_N_SET_sent_with_another_value_is_refused_with_0106(string tagText, string vr, string value)
    {
        var tag = DicomTag.Parse(tagText);
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, NSetCompleted(d => d.Set(tag, DicomVR.Parse(vr), value))));
        Assert.Equal(DicomStatus.InvalidAttributeValue, refused.Status);
        Assert.Equal([tag], refused.OffendingElements);
        Assert.Equal("N-SET may not change " + tag, refused.ErrorComment);
    }

    [Fact]
    public void Every_changed_attribute_is_named_in_tag_order()
    {
        var mod = NSetCompleted(d =>
        {
            d.Set(DicomTags.PerformedProcedureStepID, DicomVR.SH, "OTHER");
            d.Set(DicomTags.PatientID, DicomVR.LO, "OTHER");
            d.Set(DicomTags.Modality, DicomVR.CS, "CT");
            d.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep("1.2.3.101", "ACC-9")]);
        });
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(
            [DicomTags.Modality, DicomTags.PatientID, DicomTags.PerformedProcedureStepID, DicomTags.ScheduledStepAttributesSequence],
            refused.OffendingElements);
    }

    [Fact]
    public void Resending_the_N_CREATE_attributes_with_the_same_values_is_tolerated()
    {
        // Some modalities send the whole dataset again with the final status.
        var mod = NCreate(d =>
        {
            d.Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed);
            d.Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128");
            d.Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "104000");
            d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 3)]);
        });
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(Completed, accepted.Attributes);
    }

    [Fact]
    public void Empty_values_of_not_allowed_attributes_change_nothing_and_are_tolerated()
    {
        var mod = NSetCompleted(d =>
        {
            d.SetEmpty(DicomTags.PatientName, DicomVR.PN);
            d.SetEmpty(DicomTags.PatientID, DicomVR.LO);
            d.SetEmpty(DicomTags.Modality, DicomVR.CS);
            d.SetEmpty(DicomTags.ScheduledStepAttributesSequence, DicomVR.SQ);
        });
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(Completed, accepted.Attributes);
    }

    [Theory]
    [InlineData("Müller^Jörg^^^")]
    [InlineData("Müller^Jörg=")]
    [InlineData("Müller^Jörg^=^")]
    public void Person_names_that_differ_only_by_empty_trailing_components_are_the_same(string name)
    {
        Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, NSetCompleted(d => d.Set(DicomTags.PatientName, DicomVR.PN, name))));
    }

    [Theory]
    [InlineData("1015")]
    [InlineData("101500.000")]
    [InlineData("10:15:00")]
    public void Times_that_name_the_same_instant_are_the_same(string time)
    {
        Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, NSetCompleted(d => d.Set(DicomTags.PerformedProcedureStepStartTime, DicomVR.TM, time))));
    }

    [Fact]
    public void The_same_scheduled_steps_resent_are_tolerated()
    {
        var mod = NSetCompleted(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence, [ScheduledStep("1.2.3.100", "ACC-9")]));
        Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
    }

    [Fact]
    public void An_empty_status_is_a_missing_value_0121()
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, NSetCompleted(d => d.SetEmpty(DicomTags.PerformedProcedureStepStatus, DicomVR.CS))));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedProcedureStepStatus], refused.OffendingElements);
    }

    [Theory]
    [InlineData("ABORTED")]
    [InlineData("completed")]
    [InlineData("SCHEDULED")]
    public void A_status_other_than_the_three_defined_terms_is_0106(string status)
    {
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, NSetCompleted(d => d.Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, status))));
        Assert.Equal(DicomStatus.InvalidAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedProcedureStepStatus], refused.OffendingElements);
    }

    [Fact]
    public void An_N_SET_without_status_updates_a_step_that_stays_in_progress()
    {
        var mod = new DicomDataset()
            .Set(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, "MR Knie beidseits")
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128");
        mod.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 1)]);

        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(Created with
        {
            Description = "MR Knie beidseits",
            EndDate = "20261128",
            PerformedSeries = [new MppsPerformedSeries("1.2.3.100.1", "Sag PD", "Knie", "PACS", 1, 0)],
        }, accepted.Attributes);
        Assert.False(accepted.Attributes.IsFinal);
    }

    [Fact]
    public void A_later_N_SET_replaces_the_whole_performed_series_list()
    {
        var first = Accept(Created, new DicomDataset().Also(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 1)])));
        var second = Accept(first, NSetCompleted(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 4), Series("1.2.3.100.2", 2, 1)])));
        Assert.Equal(
            [new MppsPerformedSeries("1.2.3.100.1", "Sag PD", "Knie", "PACS", 4, 0), new MppsPerformedSeries("1.2.3.100.2", "Sag PD", "Knie", "PACS", 2, 1)],
            second.PerformedSeries);
    }

    [Fact]
    public void No_Modification_List_changes_nothing()
    {
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, null));
        Assert.Same(Created, accepted.Attributes);
    }

    [Theory]
    [InlineData("(0040,0250)")]
    [InlineData("(0040,0251)")]
    public void Completing_needs_an_end_date_and_time_0121(string tagText)
    {
        var tag = DicomTag.Parse(tagText);
        foreach (var mod in new[] { NSetCompleted(d => d.Remove(tag)), NSetCompleted(d => d.SetEmpty(tag, DicomDictionary.Lookup(tag)!.Value.Vr)) })
        {
            var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, mod));
            Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
            Assert.Equal([tag], refused.OffendingElements);
            Assert.StartsWith("COMPLETED needs a value for", refused.ErrorComment, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_end_date_and_time_set_by_an_earlier_N_SET_satisfy_the_final_state()
    {
        var earlier = Accept(Created, new DicomDataset()
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "104000"));
        var final = Accept(earlier, NSetCompleted(d =>
        {
            d.Remove(DicomTags.PerformedProcedureStepEndDate);
            d.Remove(DicomTags.PerformedProcedureStepEndTime);
        }));
        Assert.Equal(Completed, final);
    }

    [Fact]
    public void Completing_without_any_performed_series_is_0121_on_the_sequence()
    {
        foreach (var mod in new[] { NSetCompleted(d => d.Remove(DicomTags.PerformedSeriesSequence)), NSetCompleted(d => d.SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ)) })
        {
            var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, mod));
            Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
            Assert.Equal([DicomTags.PerformedSeriesSequence], refused.OffendingElements);
        }
    }

    [Fact]
    public void Completing_with_nothing_final_names_everything_lacking()
    {
        var mod = new DicomDataset().Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed);
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(
            [DicomTags.PerformedProcedureStepEndDate, DicomTags.PerformedProcedureStepEndTime, DicomTags.PerformedSeriesSequence],
            refused.OffendingElements);
    }

    [Fact]
    public void Discontinuing_before_any_series_is_accepted_with_its_reason()
    {
        var mod = new DicomDataset()
            .Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Discontinued)
            .Set(DicomTags.PerformedProcedureStepEndDate, DicomVR.DA, "20261128")
            .Set(DicomTags.PerformedProcedureStepEndTime, DicomVR.TM, "102000")
            .SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ);
        mod.SetSequence(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, [Code("110514", "DCM", "Incorrect worklist entry selected")]);

        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(Created with
        {
            Status = MppsStatus.Discontinued,
            EndDate = "20261128",
            EndTime = "102000",
            DiscontinuationReason = new MppsCode("110514", "DCM", "Incorrect worklist entry selected"),
        }, accepted.Attributes);
    }

    [Fact]
    public void Discontinuing_still_needs_end_date_and_time()
    {
        var mod = new DicomDataset().Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Discontinued);
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedProcedureStepEndDate, DicomTags.PerformedProcedureStepEndTime], refused.OffendingElements);
    }

    [Fact]
    public void An_empty_discontinuation_reason_sequence_clears_the_reason()
    {
        var withReason = Created with { DiscontinuationReason = new MppsCode("110514", "DCM", "x") };
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(withReason, Uid, new DicomDataset().SetEmpty(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence, DicomVR.SQ)));
        Assert.Null(accepted.Attributes.DiscontinuationReason);
    }

    [Fact]
    public void A_performed_series_item_without_Series_Instance_UID_is_refused()
    {
        var absent = NSetCompleted(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 1), Series("x", 1).Also(i => i.Remove(DicomTags.SeriesInstanceUID))]));
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, absent));
        Assert.Equal(DicomStatus.MissingAttribute, refused.Status);
        Assert.Equal([DicomTags.PerformedSeriesSequence, DicomTags.SeriesInstanceUID], refused.OffendingElements);

        var empty = NSetCompleted(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 1).Also(i => i.SetEmpty(DicomTags.SeriesInstanceUID, DicomVR.UI))]));
        refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(Created, Uid, empty));
        Assert.Equal(DicomStatus.MissingAttributeValue, refused.Status);
        Assert.Equal([DicomTags.PerformedSeriesSequence, DicomTags.SeriesInstanceUID], refused.OffendingElements);
    }

    [Fact]
    public void An_empty_protocol_name_is_tolerated()
    {
        var mod = NSetCompleted(d => d.SetSequence(DicomTags.PerformedSeriesSequence, [Series("1.2.3.100.1", 1).Also(i => i.SetEmpty(DicomTags.ProtocolName, DicomVR.LO))]));
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal("", Assert.Single(accepted.Attributes.PerformedSeries).ProtocolName);
    }

    [Fact]
    public void An_N_SET_without_character_set_is_read_in_the_N_CREATE_character_set()
    {
        // Created in Latin-1; the N-SET omits (0008,0005) but its bytes are Latin-1 (PS3.4 F.7.2.2.1).
        var created = Created with { SpecificCharacterSet = "ISO_IR 100" };
        var latin1 = DicomCharacterSet.Parse("ISO_IR 100");
        var same = NSetCompleted(d =>
        {
            d.Remove(DicomTags.SpecificCharacterSet);
            d.SetBytes(DicomTags.PatientName, DicomVR.PN, latin1.Encode("Müller^Jörg", DicomVR.PN));
            d.SetBytes(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, latin1.Encode("Knie rechts, Flüssigkeit", DicomVR.LO));
        });
        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(created, Uid, same));
        Assert.Equal("Knie rechts, Flüssigkeit", accepted.Attributes.Description);
        Assert.Equal("ISO_IR 100", accepted.Attributes.SpecificCharacterSet);

        var other = NSetCompleted(d =>
        {
            d.Remove(DicomTags.SpecificCharacterSet);
            d.SetBytes(DicomTags.PatientName, DicomVR.PN, latin1.Encode("Müller^Jürgen", DicomVR.PN));
        });
        var refused = Assert.IsType<MppsOutcome.Refused>(MppsRules.Set(created, Uid, other));
        Assert.Equal([DicomTags.PatientName], refused.OffendingElements);
    }

    [Fact]
    public void An_N_SET_in_another_character_set_is_read_in_its_own_and_the_kept_one_stays_the_N_CREATE_one()
    {
        var mod = NSetCompleted(d =>
        {
            d.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
            d.Set(DicomTags.PatientName, DicomVR.PN, "Müller^Jörg");
            d.Set(DicomTags.PerformedProcedureStepDescription, DicomVR.LO, "Knöchel");
        });
        Assert.Contains((byte)0xF6, mod[DicomTags.PerformedProcedureStepDescription]!.Value.ToArray());

        var accepted = Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(Created, Uid, mod));
        Assert.Equal("Knöchel", accepted.Attributes.Description);
        Assert.Equal("ISO_IR 192", accepted.Attributes.SpecificCharacterSet);
    }

    [Fact]
    public void Set_does_not_change_the_modification_list_it_reads()
    {
        var mod = NSetCompleted(d => d.Remove(DicomTags.SpecificCharacterSet));
        var count = mod.Count;
        MppsRules.Set(Created, Uid, mod);
        Assert.Equal(count, mod.Count);
        Assert.False(mod.Contains(DicomTags.SpecificCharacterSet));
    }

    private static MppsAttributes Accept(MppsAttributes current, DicomDataset modification) =>
        Assert.IsType<MppsOutcome.Accepted>(MppsRules.Set(current, Uid, modification)).Attributes;
}
