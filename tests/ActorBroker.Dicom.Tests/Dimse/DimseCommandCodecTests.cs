using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Tests.Network;
using static ActorBroker.Dicom.Tests.Network.Bytes;

namespace ActorBroker.Dicom.Tests.Dimse;

public sealed class DimseCommandCodecTests
{
    [Fact]
    public void CEchoRequest_encodes_the_command_set_of_ps3_7_9_3_5_1()
    {
        // Implicit VR LE: tag (group, element LE), 32-bit length, value. Group length = 26 + 10 + 10 + 10 = 56 (38H).
        var expected = Concat(
            Hex("00 00 00 00 04 00 00 00 38 00 00 00"),
            Hex("00 00 02 00 12 00 00 00"), Ascii("1.2.840.10008.1.1"), Hex("00"),
            Hex("00 00 00 01 02 00 00 00 30 00"),
            Hex("00 00 10 01 02 00 00 00 07 00"),
            Hex("00 00 00 08 02 00 00 00 01 01"));

        Assert.Equal(expected, DimseCommandCodec.Encode(new CEchoRequest { MessageID = 7 }));

        var (message, hasDataset) = DimseCommandCodec.Decode(expected);
        var echo = Assert.IsType<CEchoRequest>(message);
        Assert.False(hasDataset);
        Assert.Equal(7, echo.MessageID);
        Assert.Equal(WellKnownUids.Verification, echo.AffectedSOPClassUID);
    }

    public static TheoryData<string> Messages() => new()
    {
        nameof(CEchoRequest), nameof(CEchoResponse), nameof(CFindRequest), nameof(CFindResponse), nameof(CCancelRequest),
        nameof(CStoreRequest), nameof(CStoreResponse), nameof(NCreateRequest), nameof(NCreateResponse), nameof(NSetRequest), nameof(NSetResponse),
    };

    private static DimseMessage Sample(string name) => name switch
    {
        nameof(CEchoRequest) => new CEchoRequest { MessageID = 1 },
        nameof(CEchoResponse) => new CEchoResponse { MessageIDBeingRespondedTo = 1, Status = DicomStatus.Success },
        nameof(CFindRequest) => new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 2, Priority = DimsePriority.High },
        nameof(CFindResponse) => new CFindResponse
        {
            AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind,
            MessageIDBeingRespondedTo = 2,
            Status = DicomStatus.IdentifierDoesNotMatchSOPClass,
            ErrorComment = "bad key",
            OffendingElements = [new DicomTag(0x0010, 0x0010), new DicomTag(0x0040, 0x0100)],
        },
        nameof(CCancelRequest) => new CCancelRequest { MessageIDBeingRespondedTo = 2 },
        nameof(CStoreRequest) => new CStoreRequest
        {
            AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
            AffectedSOPInstanceUID = "1.2.3.4.5",
            MessageID = 3,
            Priority = DimsePriority.Low,
            MoveOriginatorApplicationEntityTitle = "MOVER",
            MoveOriginatorMessageID = 99,
        },
        nameof(CStoreResponse) => new CStoreResponse { AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage, AffectedSOPInstanceUID = "1.2.3.4.5", MessageIDBeingRespondedTo = 3, Status = DicomStatus.CoercionOfDataElements },
        nameof(NCreateRequest) => new NCreateRequest { AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep, AffectedSOPInstanceUID = "1.2.3.9", MessageID = 4 },
        nameof(NCreateResponse) => new NCreateResponse
        {
            AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep,
            AffectedSOPInstanceUID = "1.2.3.9",
            MessageIDBeingRespondedTo = 4,
            Status = DicomStatus.DuplicateSOPInstance,
            ErrorID = 0xA710,
        },
        nameof(NSetRequest) => new NSetRequest { RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep, RequestedSOPInstanceUID = "1.2.3.9", MessageID = 5 },
        nameof(NSetResponse) => new NSetResponse { AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep, AffectedSOPInstanceUID = "1.2.3.9", MessageIDBeingRespondedTo = 5, Status = DicomStatus.NoSuchObjectInstance },
        _ => throw new ArgumentOutOfRangeException(name),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_round_trips(string name)
    {
        var message = Sample(name);
        var (decoded, hasDataset) = DimseCommandCodec.Decode(DimseCommandCodec.Encode(message));

        Assert.False(hasDataset);
        Assert.Equal(message.GetType(), decoded.GetType());
        if (message is DimseResponse response)
        {
            var decodedResponse = (DimseResponse)decoded;
            Assert.Equal(response.OffendingElements, decodedResponse.OffendingElements);
            Assert.Equal(response with { OffendingElements = [] }, decodedResponse with { OffendingElements = [] });
        }
        else
        {
            Assert.Equal(message, decoded);
        }
    }

    [Fact]
    public void NSetRequest_uses_requested_sop_class_and_instance_uid()
    {
        var command = DicomDatasetReader.ReadCommand(DimseCommandCodec.Encode(Sample(nameof(NSetRequest))));
        Assert.Equal(WellKnownUids.ModalityPerformedProcedureStep, command.GetString(DicomTags.RequestedSOPClassUID));
        Assert.Equal("1.2.3.9", command.GetString(DicomTags.RequestedSOPInstanceUID));
        Assert.False(command.Contains(DicomTags.AffectedSOPClassUID));
        Assert.Equal((ushort)0x0120, command.GetUInt16(DicomTags.CommandField));
    }

    [Fact]
    public void A_message_with_a_data_set_says_so_in_command_data_set_type()
    {
        var find = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 9, Dataset = new DicomDataset() };
        var command = DicomDatasetReader.ReadCommand(DimseCommandCodec.Encode(find));
        Assert.Equal(DimseMessage.DataSetPresent, command.GetUInt16(DicomTags.CommandDataSetType));
        Assert.True(DimseCommandCodec.Decode(DimseCommandCodec.Encode(find)).HasDataset);
    }

    [Fact]
    public void Error_comment_is_cut_to_64_ascii_characters()
    {
        var response = new CFindResponse { Status = DicomStatus.UnableToProcess, ErrorComment = new string('é', 3) + new string('x', 100) };
        var decoded = (CFindResponse)DimseCommandCodec.Decode(DimseCommandCodec.Encode(response)).Message;
        Assert.Equal("???" + new string('x', 61), decoded.ErrorComment);
    }

    [Fact]
    public void Unsupported_requests_are_kept_for_an_unrecognized_operation_answer()
    {
        var command = new DicomDataset()
            .Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.2.2.3")
            .SetUInt16(DicomTags.CommandField, 0x0010)
            .SetUInt16(DicomTags.MessageID, 12)
            .SetUInt16(DicomTags.Priority, 0)
            .SetUInt16(DicomTags.CommandDataSetType, 0x0001);
        var (message, hasDataset) = DimseCommandCodec.Decode(DicomDatasetWriter.WriteCommand(command));

        var request = Assert.IsType<UnsupportedRequest>(message);
        Assert.True(hasDataset);
        Assert.Equal(DimseCommandField.CGetRQ, request.CommandField);
        Assert.Equal(12, request.MessageID);
    }

    [Theory]
    [InlineData(0x0050)] // not a command field
    [InlineData(-1)]     // no command field at all
    public void Unknown_or_missing_command_fields_are_format_errors(int field)
    {
        var command = new DicomDataset().SetUInt16(DicomTags.CommandDataSetType, 0x0101).SetUInt16(DicomTags.MessageID, 1);
        if (field >= 0)
        {
            command.SetUInt16(DicomTags.CommandField, (ushort)field);
        }

        Assert.Throws<DicomFormatException>(() => DimseCommandCodec.Decode(DicomDatasetWriter.WriteCommand(command)));
    }

    [Fact]
    public void A_request_without_its_mandatory_fields_is_a_format_error()
    {
        var command = new DicomDataset().SetUInt16(DicomTags.CommandField, 0x0020).SetUInt16(DicomTags.CommandDataSetType, 0x0001);
        Assert.Throws<DicomFormatException>(() => DimseCommandCodec.Decode(DicomDatasetWriter.WriteCommand(command)));
    }

    [Fact]
    public void Garbage_command_bytes_are_a_format_error()
    {
        Assert.Throws<DicomFormatException>(() => DimseCommandCodec.Decode(Hex("00 00 00 01 FF FF FF 7F 01")));
    }
}
