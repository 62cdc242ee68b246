using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;
using static ActorBroker.Dicom.Tests.Mpps.MppsTestData;

namespace ActorBroker.Dicom.Tests.Mpps;

// DICOM PS3.7 10.1.5 / 10.1.3 and Annex C: which fields go with which status.
public sealed class MppsResponsesTests
{
    private static NCreateRequest CreateRequest(DicomDataset? dataset) => new()
    {
        AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
        AffectedSOPInstanceUID = Uid,
        MessageID = 3,
        Dataset = dataset,
    };

    private static NSetRequest SetRequest(DicomDataset? dataset) => new()
    {
        RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
        RequestedSOPInstanceUID = Uid,
        MessageID = 4,
        Dataset = dataset,
    };

    [Fact]
    public void An_accepted_N_CREATE_is_success_naming_class_and_instance()
    {
        var request = CreateRequest(NCreate());
        var response = MppsResponses.ForCreate(request, MppsRules.Create(false, Uid, request.Dataset));

        Assert.Equal(DicomStatus.Success, response.Status);
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, response.AffectedSOPClassUID);
        Assert.Equal(Uid, response.AffectedSOPInstanceUID);
        Assert.Null(response.ErrorComment);
        Assert.Null(response.ErrorID);
        Assert.Empty(response.AttributeIdentifierList);
        Assert.Empty(response.OffendingElements);
        Assert.Null(response.Dataset);
    }

    [Fact]
    public void Missing_attributes_go_in_the_Attribute_Identifier_List_without_data_set()
    {
        var request = CreateRequest(NCreate(d => d.Remove(DicomTags.Modality)));
        var response = MppsResponses.ForCreate(request, MppsRules.Create(false, Uid, request.Dataset));

        Assert.Equal(DicomStatus.MissingAttribute, response.Status);
        Assert.Equal([DicomTags.Modality], response.AttributeIdentifierList);
        Assert.Equal("Type 1 absent: (0008,0060)", response.ErrorComment);
        Assert.Null(response.AffectedSOPInstanceUID);
        Assert.Null(response.Dataset);
    }

    [Fact]
    public void An_invalid_status_comes_back_in_an_Attribute_List_with_the_character_set()
    {
        var request = CreateRequest(NCreate(d => d.Set(DicomTags.PerformedProcedureStepStatus, DicomVR.CS, MppsStatus.Completed)));
        var response = MppsResponses.ForCreate(request, MppsRules.Create(false, Uid, request.Dataset));

        Assert.Equal(DicomStatus.InvalidAttributeValue, response.Status);
        Assert.Empty(response.AttributeIdentifierList);
        var list = Assert.IsType<DicomDataset>(response.Dataset);
        Assert.Equal([DicomTags.SpecificCharacterSet, DicomTags.PerformedProcedureStepStatus], list.Select(e => e.Tag));
        Assert.Equal(MppsStatus.Completed, list.GetString(DicomTags.PerformedProcedureStepStatus));
        Assert.Equal(NCreate().Count, request.Dataset!.Count); // the request itself is untouched
    }

    [Fact]
    public void A_missing_nested_value_returns_its_whole_sequence()
    {
        var request = CreateRequest(NCreate(d => d.SetSequence(DicomTags.ScheduledStepAttributesSequence,
            [ScheduledStep("1.2.3", "Ä-1").Also(i => i.SetEmpty(DicomTags.StudyInstanceUID, DicomVR.UI))])));
        var response = MppsResponses.ForCreate(request, MppsRules.Create(false, Uid, request.Dataset));

        Assert.Equal(DicomStatus.MissingAttributeValue, response.Status);
        var list = Assert.IsType<DicomDataset>(response.Dataset);
        var item = Assert.Single(list.GetSequence(DicomTags.ScheduledStepAttributesSequence));
        Assert.Equal("Ä-1", item.GetString(DicomTags.AccessionNumber));
        Assert.Same(list, item.Parent);
        Assert.Same(request.Dataset, request.Dataset!.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].Parent);
    }

    [Fact]
    public void A_duplicate_names_the_instance()
    {
        var request = CreateRequest(NCreate());
        var response = MppsResponses.ForCreate(request, MppsRules.Create(true, Uid, request.Dataset));
        Assert.Equal(DicomStatus.DuplicateSOPInstance, response.Status);
        Assert.Equal(Uid, response.AffectedSOPInstanceUID);
        Assert.Null(response.Dataset);
    }

    [Fact]
    public void A_foreign_SOP_class_refusal_answers_0118()
    {
        var request = CreateRequest(NCreate()) with { AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage };
        var response = MppsResponses.ForCreate(request, MppsRules.CheckSopClass(request.AffectedSOPClassUID)!);
        Assert.Equal(0x0118, response.Status.Code);
        Assert.Equal(WellKnownUids.BasicTextSRStorage, response.AffectedSOPClassUID);
    }

    [Fact]
    public void An_accepted_N_SET_is_success_naming_class_and_instance()
    {
        var request = SetRequest(NSetCompleted());
        var response = MppsResponses.ForSet(request, MppsRules.Set(Created, Uid, request.Dataset));
        Assert.Equal(DicomStatus.Success, response.Status);
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, response.AffectedSOPClassUID);
        Assert.Equal(Uid, response.AffectedSOPInstanceUID);
        Assert.Null(response.Dataset);
    }

    [Fact]
    public void An_N_SET_on_a_final_instance_carries_error_comment_and_error_id_A710()
    {
        var request = SetRequest(NSetCompleted());
        var response = MppsResponses.ForSet(request, MppsRules.Set(Created with { Status = MppsStatus.Completed }, Uid, request.Dataset));
        Assert.Equal(DicomStatus.ProcessingFailure, response.Status);
        Assert.Equal((ushort)0xA710, response.ErrorID);
        Assert.Equal("Performed Procedure Step Object may no longer be updated", response.ErrorComment);
        Assert.Equal(Uid, response.AffectedSOPInstanceUID);
    }

    [Fact]
    public void An_N_SET_on_an_unknown_instance_names_it()
    {
        var response = MppsResponses.ForSet(SetRequest(NSetCompleted()), MppsRules.Set(null, Uid, NSetCompleted()));
        Assert.Equal(DicomStatus.NoSuchObjectInstance, response.Status);
        Assert.Equal(Uid, response.AffectedSOPInstanceUID);
    }

    [Fact]
    public void A_changed_identity_comes_back_in_the_Attribute_List()
    {
        var request = SetRequest(NSetCompleted(d => d.Set(DicomTags.PatientID, DicomVR.LO, "P-78")));
        var response = MppsResponses.ForSet(request, MppsRules.Set(Created, Uid, request.Dataset));
        Assert.Equal(DicomStatus.InvalidAttributeValue, response.Status);
        Assert.Equal("P-78", response.Dataset!.GetString(DicomTags.PatientID));
        Assert.Equal([DicomTags.SpecificCharacterSet, DicomTags.PatientID], response.Dataset.Select(e => e.Tag));
    }

    [Fact]
    public void N_CREATE_RSP_error_fields_round_trip_through_the_command_codec()
    {
        var response = new NCreateResponse
        {
            MessageIDBeingRespondedTo = 3,
            Status = DicomStatus.MissingAttribute,
            AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            AffectedSOPInstanceUID = Uid,
            ErrorComment = "Type 1 absent: (0040,0253) (0008,0060)",
            ErrorID = 0x0042,
            OffendingElements = [DicomTags.PerformedProcedureStepStatus],
            AttributeIdentifierList = [DicomTags.PerformedProcedureStepID, DicomTags.Modality],
        };
        var bytes = DimseCommandCodec.Encode(response);

        // (0000,1005) AT, Implicit VR LE: tag, length 8, (0040,0253) (0008,0060) as group/element pairs.
        Assert.Contains("00000510080000004000530208006000", Data.TestBytes.ToHex(bytes), StringComparison.Ordinal);
        // (0000,0901) AT (0040,0252); (0000,0903) US 0042H.
        Assert.Contains("000001090400000040005202", Data.TestBytes.ToHex(bytes), StringComparison.Ordinal);
        Assert.Contains("00000309020000004200", Data.TestBytes.ToHex(bytes), StringComparison.Ordinal);

        var decoded = Assert.IsType<NCreateResponse>(DimseCommandCodec.Decode(bytes).Message);
        Assert.Equal(response.AttributeIdentifierList, decoded.AttributeIdentifierList);
        Assert.Equal(response.OffendingElements, decoded.OffendingElements);
        Assert.Equal(response.ErrorComment, decoded.ErrorComment);
        Assert.Equal(response.ErrorID, decoded.ErrorID);
        Assert.Equal(response.Status, decoded.Status);
        Assert.Equal(Uid, decoded.AffectedSOPInstanceUID);
        Assert.Equal(3, decoded.MessageIDBeingRespondedTo);
    }

    [Fact]
    public void N_SET_RSP_error_fields_round_trip_through_the_command_codec()
    {
        var request = SetRequest(NSetCompleted());
        var response = MppsResponses.ForSet(request, MppsRules.Set(Created with { Status = MppsStatus.Discontinued }, Uid, request.Dataset))
            with { MessageIDBeingRespondedTo = 4, AttributeIdentifierList = [DicomTags.PerformedSeriesSequence] };

        var decoded = Assert.IsType<NSetResponse>(DimseCommandCodec.Decode(DimseCommandCodec.Encode(response)).Message);

        Assert.Equal(DicomStatus.ProcessingFailure, decoded.Status);
        Assert.Equal((ushort)0xA710, decoded.ErrorID);
        Assert.Equal("Performed Procedure Step Object may no longer be updated", decoded.ErrorComment);
        Assert.Equal([DicomTags.PerformedSeriesSequence], decoded.AttributeIdentifierList);
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, decoded.AffectedSOPClassUID);
        Assert.Equal(Uid, decoded.AffectedSOPInstanceUID);
    }

    [Fact]
    public void Responses_without_error_fields_carry_none_on_the_wire()
    {
        var bytes = DimseCommandCodec.Encode(new NSetResponse { MessageIDBeingRespondedTo = 1, Status = DicomStatus.Success });
        var command = DicomDatasetReader.ReadCommand(bytes);
        Assert.False(command.Contains(DicomTags.AttributeIdentifierList));
        Assert.False(command.Contains(DicomTags.OffendingElement));
        Assert.False(command.Contains(DicomTags.ErrorComment));
        Assert.False(command.Contains(DicomTags.ErrorID));
        Assert.Empty(Assert.IsType<NSetResponse>(DimseCommandCodec.Decode(bytes).Message).AttributeIdentifierList);
    }
}
