using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>One acceptor-side association driven by our client, with the state machine's transitions recorded.</summary>
public sealed class DicomAssociationTests
{
    [Fact]
    public async Task Echo_and_release_run_the_acceptor_actions_of_table_9_10()
    {
        var transitions = new ConcurrentQueue<AssociationTransition>();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptSocketAsync();
        var connect = DicomClient.ConnectAsync(new DicomClientOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)listener.LocalEndpoint).Port,
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "TESTSCU",
        });
        var socket = await accept.WaitAsync(TestTimeouts.Default);
        await using var association = new DicomAssociation(
            1,
            new NetworkStream(socket, ownsSocket: true),
            socket.RemoteEndPoint,
            socket.LocalEndPoint,
            ListenerHarness.Options(),
            DicomServiceProviders.EchoOnly,
            observer: null,
            overCapacity: false,
            transitions.Enqueue);
        var run = association.RunAsync();
        await using var client = await connect.WaitAsync(TestTimeouts.Default);

        await client.CEchoAsync();
        await client.ReleaseAsync();
        await run.WaitAsync(TestTimeouts.Default);

        Assert.Equal(
            [
                AssociationAction.AE5, // transport connection indication: start ARTIM
                AssociationAction.AE6, // A-ASSOCIATE-RQ: stop ARTIM, indication
                AssociationAction.AE7, // A-ASSOCIATE-AC
                AssociationAction.DT2, // C-ECHO-RQ
                AssociationAction.DT1, // C-ECHO-RSP
                AssociationAction.AR2, // A-RELEASE-RQ
                AssociationAction.AR4, // A-RELEASE-RP, start ARTIM
                AssociationAction.AR5, // the requestor closed the transport
            ],
            transitions.Select(t => t.Action));
        Assert.Equal(AssociationState.Sta1, association.State);
    }

    [Fact]
    public async Task A_dropped_connection_is_reported_as_connection_closed()
    {
        var observer = new TestObserver();
        await using var listener = ListenerHarness.Start(observer: observer);
        await using var peer = await RawPeer.ConnectAsync(listener.LocalEndPoint);
        await peer.SendAsync(new ActorBroker.Dicom.Network.Pdus.AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "RAW",
            PresentationContexts = [new ActorBroker.Dicom.Network.Pdus.PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])],
        }.ToArray());
        Assert.IsType<ActorBroker.Dicom.Network.Pdus.AAssociateAC>(await peer.ReadPduAsync());
        await observer.Opened;

        await peer.DisposeAsync();

        Assert.Equal(DicomAssociationCloseReason.ConnectionClosed, (await observer.Closed).Reason);
    }
}
