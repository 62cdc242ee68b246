using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Dimse;

public sealed class DimseMessageReaderTests
{
    private static readonly Dictionary<byte, PresentationContext> Accepted = new()
    {
        [1] = new PresentationContext(1, WellKnownUids.ModalityWorklistInformationModelFind, PresentationContextResult.Acceptance, WellKnownUids.ExplicitVRLittleEndian),
    };

    private static PDataTF PData(params PresentationDataValue[] values) => new(values);

    [Fact]
    public void Decodes_a_command_and_its_data_set_in_the_context_transfer_syntax()
    {
        var identifier = new DicomDataset().Set(DicomTags.PatientName, DicomVR.PN, "Doe^Jane");
        var request = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 3, Dataset = identifier };
        var command = DimseCommandCodec.Encode(request);
        var data = DicomDatasetWriter.Write(identifier, DicomTransferSyntax.ExplicitVRLittleEndian);
        var reader = new DimseMessageReader(Accepted, 1024);
        var completed = new List<(byte, DimseMessage)>();

        reader.Read(PData(new PresentationDataValue(1, PresentationDataValue.ControlHeader(true, true), command)), completed);
        Assert.Empty(completed);
        reader.Read(PData(
            new PresentationDataValue(1, PresentationDataValue.ControlHeader(false, false), data.AsMemory(0, 5)),
            new PresentationDataValue(1, PresentationDataValue.ControlHeader(false, true), data.AsMemory(5))), completed);

        var (contextId, message) = Assert.Single(completed);
        Assert.Equal(1, contextId);
        var find = Assert.IsType<CFindRequest>(message);
        Assert.Equal(3, find.MessageID);
        Assert.Equal("Doe^Jane", find.Dataset!.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void A_pdv_on_a_context_that_was_not_accepted_is_a_protocol_error()
    {
        var reader = new DimseMessageReader(Accepted, 1024);
        var e = Assert.Throws<DimseProtocolException>(() => reader.Read(
            PData(new PresentationDataValue(3, PresentationDataValue.ControlHeader(true, true), DimseCommandCodec.Encode(new CEchoRequest()))),
            []));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }

    [Fact]
    public void A_broken_data_set_is_a_format_error()
    {
        var reader = new DimseMessageReader(Accepted, 1024);
        var request = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 3, Dataset = new DicomDataset() };
        reader.Read(PData(new PresentationDataValue(1, PresentationDataValue.ControlHeader(true, true), DimseCommandCodec.Encode(request))), []);

        Assert.Throws<DicomFormatException>(() => reader.Read(
            PData(new PresentationDataValue(1, PresentationDataValue.ControlHeader(false, true), Bytes()))
            , []));
    }

    private static byte[] Bytes() => [0x10, 0x00, 0x10, 0x00, (byte)'P', (byte)'N', 0xFF, 0x7F];
}
