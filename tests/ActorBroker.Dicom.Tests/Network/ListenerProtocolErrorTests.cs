using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;
using static ActorBroker.Dicom.Tests.Network.Bytes;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Malformed and out-of-place input on a live listener: always an A-ABORT or a clean close, and the listener keeps serving.</summary>
public sealed class ListenerProtocolErrorTests
{
    private static async Task AssertStillServesAsync(DicomListener listener)
    {
        await using var client = await ListenerHarness.ConnectAsync(listener);
        Assert.Equal(DicomStatus.Success, (await client.CEchoAsync()).Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task P_data_before_association_is_aborted()
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(Hex("04 00 00 00 00 08 00 00 00 04 01 03 00 00"));

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortSource.ServiceProvider, abort.Source);
        Assert.Equal(AAbortReason.UnexpectedPdu, abort.Reason);
        await AssertStillServesAsync(listener);
    }

    [Theory]
    [InlineData(0x09)]
    [InlineData(0x00)]
    [InlineData(0x55)]
    public async Task Unknown_pdu_type_is_aborted_as_unrecognized(byte type)
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(Concat([type, 0, 0, 0, 0, 4], Zeros(4)));

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortSource.ServiceProvider, abort.Source);
        Assert.Equal(AAbortReason.UnrecognizedPdu, abort.Reason);
        await AssertStillServesAsync(listener);
    }

    [Theory]
    [InlineData("04 00 FF FF FF FF")]
    [InlineData("01 00 FF FF FF FF")]
    [InlineData("05 00 00 00 01 00")]
    public async Task Impossible_lengths_are_aborted_without_reading_them(string header)
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(Hex(header));

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortReason.InvalidPduParameterValue, abort.Reason);
        await AssertStillServesAsync(listener);
    }

    [Fact]
    public async Task Truncated_associate_request_then_close_ends_cleanly()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);
        var bytes = new AAssociateRQ { CalledAETitle = "ACTORBROKER", CallingAETitle = "RAW" }.ToArray();
        var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);

        await peer.SendAsync(bytes[..(bytes.Length / 2)]);
        await peer.DisposeAsync();

        await AssertStillServesAsync(listener);
        Assert.DoesNotContain(observer.Events, e => e.StartsWith("opened RAW", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_associate_request_on_an_established_association_is_aborted()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);
        var request = new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "RAW",
            PresentationContexts = [new PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])],
            UserInformation = new UserInformation { MaximumLength = 16384 },
        };

        await peer.SendAsync(request.ToArray());
        Assert.IsType<AAssociateAC>(await peer.ReadPduAsync());
        await peer.SendAsync(request.ToArray());

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortSource.ServiceProvider, abort.Source);
        Assert.Equal(AAbortReason.UnexpectedPdu, abort.Reason);
        await peer.DisposeAsync();
        Assert.Equal(DicomAssociationCloseReason.ProtocolError, (await observer.Closed).Reason);
    }

    [Fact]
    public async Task A_pdv_on_a_context_that_was_not_accepted_is_aborted()
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);
        await peer.SendAsync(new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "RAW",
            PresentationContexts = [new PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])],
        }.ToArray());
        Assert.IsType<AAssociateAC>(await peer.ReadPduAsync());

        var command = DimseCommandCodec.Encode(new CEchoRequest { MessageID = 1 });
        var writer = new PduWriter();
        PDataTF.WriteSingle(writer, 3, PresentationDataValue.ControlHeader(true, true), command);
        await peer.SendAsync(writer.ToArray());

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortReason.InvalidPduParameterValue, abort.Reason);
    }

    [Fact]
    public async Task An_undecodable_command_set_is_aborted_by_the_dimse_user()
    {
        await using var listener = ListenerHarness.Start();
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);
        await peer.SendAsync(new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "RAW",
            PresentationContexts = [new PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])],
        }.ToArray());
        Assert.IsType<AAssociateAC>(await peer.ReadPduAsync());

        var writer = new PduWriter();
        PDataTF.WriteSingle(writer, 1, PresentationDataValue.ControlHeader(true, true), Hex("00 00 00 01 FF FF FF 7F 01"));
        await peer.SendAsync(writer.ToArray());

        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync());
        Assert.Equal(AAbortSource.ServiceUser, abort.Source);
    }

    [Fact]
    public async Task Random_garbage_connections_never_break_the_listener()
    {
        await using var listener = ListenerHarness.Start();
        var random = new Random(4242);
        for (var i = 0; i < 20; i++)
        {
            await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            await peer.SendAsync(bytes);
        }

        await AssertStillServesAsync(listener);
    }

    [Fact]
    public async Task Shutdown_completes_while_a_peer_that_stopped_reading_blocks_a_send()
    {
        var provider = new ActorBroker.Dicom.Tests.Dimse.FloodFindProvider();
        var listener = ListenerHarness.Start(new DicomServiceProviders { Find = provider });
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint, receiveBufferSize: 4096);
        await peer.SendAsync(new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "RAW",
            PresentationContexts = [new PresentationContextRQItem(1, WellKnownUids.ModalityWorklistInformationModelFind, [WellKnownUids.ImplicitVRLittleEndian])],
        }.ToArray());
        Assert.IsType<AAssociateAC>(await peer.ReadPduAsync());

        var find = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = 1, Dataset = ActorBroker.Dicom.Tests.Dimse.Worklist.Query() };
        var writer = new PduWriter();
        PDataTF.WriteSingle(writer, 1, PresentationDataValue.ControlHeader(true, true), DimseCommandCodec.Encode(find));
        PDataTF.WriteSingle(writer, 1, PresentationDataValue.ControlHeader(false, true), ActorBroker.Dicom.Data.DicomDatasetWriter.Write(find.Dataset, ActorBroker.Dicom.Data.DicomTransferSyntax.ImplicitVRLittleEndian));
        await peer.SendAsync(writer.ToArray());
        await provider.Flooding.WaitAsync(TestTimeouts.Default);

        // The peer never reads: the listener's sends soon stall on full socket buffers (2.4 MB are on their way).
        await listener.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Default);
        Assert.Equal(0, listener.ActiveAssociations);
    }
}
