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
        var writer = new DimseMessageWriter(Channel(stream), peerMaxPduLength, 65536);
        await writer.SendAsync(5, message, DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None);

        var reader = new PduReader(new MemoryStream(stream.ToArray()), PduReaderLimits.ForMaximumLength(1024 * 1024));
        var pdus = new List<PDataTF>();
        while (await reader.ReadAsync(CancellationToken.None) is { Status: PduReadStatus.Pdu, Pdu: PDataTF pdata })
        {
            pdus.Add(pdata);
        }

        return pdus;
    }

    private static UpperLayerChannel Channel(Stream stream) => new(
        stream,
        new AssociationStateMachine(AssociationState.Sta6, AssociationRole.Acceptor),
        TimeProvider.System,
        TimeSpan.FromSeconds(30),
        PduReaderLimits.ForMaximumLength(65536));

    // The PDVs of every P-DATA-TF PDU in the bytes, in order, and how many PDUs carried them.
    private static async Task<(int Pdus, List<PresentationDataValue> Pdvs)> PdvsAsync(byte[] bytes)
    {
        var reader = new PduReader(new MemoryStream(bytes), PduReaderLimits.ForMaximumLength(1024 * 1024));
        var pdvs = new List<PresentationDataValue>();
        var pdus = 0;
        while (await reader.ReadAsync(CancellationToken.None) is { Status: PduReadStatus.Pdu, Pdu: PDataTF pdata })
        {
            pdus++;
            pdvs.AddRange(pdata.Values);
        }

        return (pdus, pdvs);
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
    public async Task A_command_and_data_set_that_fit_one_pdu_together_share_it_and_otherwise_do_not()
    {
        var identifier = new DicomDataset().Set(DicomTags.PatientID, DicomVR.LO, new string('P', 60));
        var response = CFindResponse.Pending(identifier) with { MessageIDBeingRespondedTo = 1 };
        var together = DimseCommandCodec.Encode(response).Length + DicomDatasetWriter.Write(identifier, DicomTransferSyntax.ExplicitVRLittleEndian).Length + (2 * PDataTF.PdvOverhead);

        var fits = await WriteAsync(response, (uint)together);
        Assert.Equal(2, Assert.Single(fits).Values.Count);
        Assert.True(Assert.Single(fits).Values[0].IsCommand);

        var split = await WriteAsync(response, (uint)together - 1);
        Assert.Equal(2, split.Count);
        Assert.All(split, p => Assert.Single(p.Values));
        Assert.All(split, p => Assert.True(p.Values.Sum(v => v.Data.Length + PDataTF.PdvOverhead) <= together - 1));
        fits.Concat(split).ToList().ForEach(p => p.Dispose());
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

    [Fact]
    public async Task Messages_sent_without_flush_share_one_transport_write_and_arrive_as_the_same_pdus()
    {
        var stream = new CountingStream();
        var writer = new DimseMessageWriter(Channel(stream), 16384, 65536);
        var identifier = new DicomDataset().Set(DicomTags.PatientName, DicomVR.PN, "NUNEZ^JOSE");
        var pending = CFindResponse.Pending(identifier) with { MessageIDBeingRespondedTo = 7 };
        var command = DimseCommandCodec.Encode(pending);

        for (var i = 0; i < 10; i++)
        {
            await writer.SendAsync(1, pending, DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None, flush: false);
        }

        Assert.Equal(0, stream.Writes);
        await writer.SendAsync(1, CFindResponse.Final(DicomStatus.Success) with { MessageIDBeingRespondedTo = 7 }, DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None);
        Assert.Equal(1, stream.Writes);

        var (pdus, pdvs) = await PdvsAsync(stream.ToArray());

        // Each pending response: one PDU with the command PDV then the data set PDV; the final response alone.
        Assert.Equal(11, pdus);
        Assert.Equal(21, pdvs.Count);
        Assert.All(pdvs, v => Assert.True(v.IsLastFragment));
        var expectedData = DicomDatasetWriter.Write(identifier, DicomTransferSyntax.ExplicitVRLittleEndian);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(pdvs[2 * i].IsCommand);
            Assert.Equal(command, pdvs[2 * i].Data.ToArray());
            Assert.False(pdvs[(2 * i) + 1].IsCommand);
            Assert.Equal(expectedData, pdvs[(2 * i) + 1].Data.ToArray());
        }

        var final = DimseCommandCodec.Decode(pdvs[20].Data.Span);
        Assert.Equal(DicomStatus.Success, ((CFindResponse)final.Message).Status);
        Assert.False(final.HasDataset);
    }

    [Fact]
    public async Task Messages_sent_together_are_the_bytes_of_the_same_messages_sent_one_by_one()
    {
        // Small ones (command and data set in one PDU), large ones (fragmented), past the 64 KiB threshold.
        var messages = Enumerable.Range(0, 150)
            .Select(i => (DimseMessage)CFindResponse.Pending(i % 50 == 7 ? LargeDataset(20_000 + i) : new DicomDataset().Set(DicomTags.PatientName, DicomVR.PN, $"PATIENT^{i}")))
            .ToList();
        var command = DimseCommandCodec.Encode(messages[0] with { });

        var oneByOne = new CountingStream();
        var single = new DimseMessageWriter(Channel(oneByOne), 16384, 65536);
        foreach (var message in messages)
        {
            await single.SendAsync(3, message, DicomTransferSyntax.ImplicitVRLittleEndian, CancellationToken.None, flush: false);
        }

        await single.FlushAsync();

        var together = new CountingStream();
        var batched = new DimseMessageWriter(Channel(together), 16384, 65536);
        await batched.SendManyAsync(3, messages.Take(64).ToList(), DicomTransferSyntax.ImplicitVRLittleEndian, command, CancellationToken.None);
        await batched.SendManyAsync(3, messages.Skip(64).ToList(), DicomTransferSyntax.ImplicitVRLittleEndian, command, CancellationToken.None);
        Assert.True(together.Writes > 0); // past the threshold the gathered PDUs went out
        await batched.FlushAsync();

        Assert.Equal(oneByOne.ToArray(), together.ToArray());
        Assert.Equal(oneByOne.Writes, together.Writes);
        var (_, pdvs) = await PdvsAsync(together.ToArray());
        Assert.Equal(messages.Count, pdvs.Count(v => v.IsCommand));
    }

    [Fact]
    public async Task Gathered_pdus_are_written_once_they_pass_the_threshold()
    {
        var stream = new CountingStream();
        var writer = new DimseMessageWriter(Channel(stream), 16384, 65536);
        var pending = CFindResponse.Pending(LargeDataset(1000)) with { MessageIDBeingRespondedTo = 1 };

        var sent = 0;
        while (stream.Writes == 0)
        {
            await writer.SendAsync(1, pending, DicomTransferSyntax.ImplicitVRLittleEndian, CancellationToken.None, flush: false);
            sent++;
            Assert.True(sent < 200, "never written");
        }

        Assert.InRange(stream.Length, DimseMessageWriter.FlushThreshold, DimseMessageWriter.FlushThreshold + 2048);
        await writer.SendAsync(1, pending, DicomTransferSyntax.ImplicitVRLittleEndian, CancellationToken.None, flush: false);
        Assert.Equal(1, stream.Writes);
        await writer.FlushAsync();
        Assert.Equal(2, stream.Writes);
        await writer.FlushAsync();
        Assert.Equal(2, stream.Writes);
    }

    [Fact]
    public async Task A_data_set_encoder_writes_the_identifier_in_the_negotiated_syntax()
    {
        var identifier = new DicomDataset().Set(DicomTags.PatientID, DicomVR.LO, "MRN1").Set(DicomTags.AccessionNumber, DicomVR.SH, "A1");
        foreach (var syntax in new[] { DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRLittleEndian })
        {
            var stream = new MemoryStream();
            var writer = new DimseMessageWriter(Channel(stream), 16384, 65536);
            await writer.SendAsync(1, CFindResponse.Pending(new DatasetEncoder(identifier)), syntax, CancellationToken.None);

            var (pdus, pdvs) = await PdvsAsync(stream.ToArray());

            Assert.Equal(1, pdus);
            Assert.Equal(2, pdvs.Count);
            Assert.True(DimseCommandCodec.Decode(pdvs[0].Data.Span).HasDataset);
            Assert.Equal(DicomDatasetWriter.Write(identifier, syntax), pdvs[1].Data.ToArray());
        }
    }

    private sealed class DatasetEncoder(DicomDataset dataset) : IDicomDatasetEncoder
    {
        public void Encode(DicomTransferSyntax syntax, System.Buffers.IBufferWriter<byte> output) => DicomDatasetWriter.Write(dataset, syntax, output);
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Writes++;
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }
}
