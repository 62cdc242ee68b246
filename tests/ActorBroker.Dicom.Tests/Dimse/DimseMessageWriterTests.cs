using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Dimse;

public sealed class DimseMessageWriterTests
{
    private static async Task<List<PDataTF>> WriteAsync(DimseMessage message, uint peerMaxPduLength)
    {
        var stream = new MemoryStream();
        var channel = new UpperLayerChannel(
            stream,
            new AssociationStateMachine(AssociationState.Sta6, AssociationRole.Acceptor),
            TimeProvider.System,
            TimeSpan.FromSeconds(30),
            PduReaderLimits.ForMaximumLength(65536));
        var writer = new DimseMessageWriter(channel, peerMaxPduLength, 65536);
        await writer.SendAsync(5, message, DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None);

        var reader = new PduReader(new MemoryStream(stream.ToArray()), PduReaderLimits.ForMaximumLength(1024 * 1024));
        var pdus = new List<PDataTF>();
        while (await reader.ReadAsync(CancellationToken.None) is { Status: PduReadStatus.Pdu, Pdu: PDataTF pdata })
        {
            pdus.Add(pdata);
        }

        return pdus;
    }

    private static DicomDataset LargeDataset(int bytes) =>
        new DicomDataset()
            .Set(DicomTags.PatientName, DicomVR.PN, "Doe^Jane")
            .SetBytes(new DicomTag(0x0009, 0x1001), DicomVR.OB, Enumerable.Range(0, bytes).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Fragments_fit_the_peer_maximum_and_carry_the_control_bits()
    {
        var dataset = LargeDataset(50 * 1024);
        var message = new CStoreRequest
        {
            AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
            AffectedSOPInstanceUID = "1.2.3",
            MessageID = 1,
            Dataset = dataset,
        };

        var pdus = await WriteAsync(message, peerMaxPduLength: 4096);

        var pdvs = pdus.Select(p => Assert.Single(p.Values)).ToList();
        Assert.All(pdus, p => Assert.True(p.Values.Sum(v => v.Data.Length + PDataTF.PdvOverhead) <= 4096));
        Assert.All(pdvs, v => Assert.Equal(5, v.PresentationContextId));
        var commands = pdvs.TakeWhile(v => v.IsCommand).ToList();
        var data = pdvs.Skip(commands.Count).ToList();
        Assert.Single(commands);
        Assert.True(commands[0].IsLastFragment);
        Assert.All(data, v => Assert.False(v.IsCommand));
        Assert.Equal(data.Count - 1, data.Count(v => !v.IsLastFragment));
        Assert.True(data[^1].IsLastFragment);
        Assert.True(data.Count >= 13, $"{data.Count} fragments for 50 KiB at 4090 bytes each");

        var reassembled = data.SelectMany(v => v.Data.ToArray()).ToArray();
        Assert.Equal(DicomDatasetWriter.Write(dataset, DicomTransferSyntax.ExplicitVRLittleEndian), reassembled);
        pdus.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task An_unlimited_peer_gets_pdus_no_larger_than_our_own_maximum()
    {
        var message = new CStoreRequest
        {
            AffectedSOPClassUID = WellKnownUids.BasicTextSRStorage,
            AffectedSOPInstanceUID = "1.2.3",
            MessageID = 1,
            Dataset = LargeDataset(200 * 1024),
        };

        var pdus = await WriteAsync(message, peerMaxPduLength: 0);
        Assert.All(pdus, p => Assert.True(p.Values[0].Data.Length + PDataTF.PdvOverhead <= 65536));
        Assert.True(pdus.Count >= 5);
        pdus.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task A_message_without_data_set_is_one_command_pdv()
    {
        var pdus = await WriteAsync(new CEchoRequest { MessageID = 3 }, 16384);
        var pdv = Assert.Single(Assert.Single(pdus).Values);
        Assert.True(pdv.IsCommand);
        Assert.True(pdv.IsLastFragment);
        Assert.IsType<CEchoRequest>(DimseCommandCodec.Decode(pdv.Data.Span).Message);
    }
}
