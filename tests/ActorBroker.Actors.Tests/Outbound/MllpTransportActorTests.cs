using System.Net;
using System.Net.Sockets;
using ActorBroker.Actors.Outbound;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>The MLLP transport against a real local MLLP receiver (127.0.0.1), with a stand-in outbox as its parent.</summary>
public sealed class MllpTransportActorTests : TestKit
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);

    public MllpTransportActorTests() : base("akka.loglevel = WARNING")
    {
    }

    [Fact]
    public async Task Connects_hands_each_ACK_to_its_parent_by_MSA_2_and_reconnects_after_the_receiver_comes_back()
    {
        var handler = new AckingMllpHandler
        {
            Answer = m => m.MessageControlId.EndsWith('2') ? (AckCode.AE, "unknown patient") : (AckCode.AA, null),
        };
        var first = new MllpListener(new MllpListenerOptions { Port = 0 }, handler);
        await first.StartAsync();
        var port = first.LocalEndPoint.Port;
        var settings = Destination(port);
        var parent = CreateTestProbe();
        var outbox = Sys.ActorOf(ProbeParent.GetProps(MllpTransportActor.GetProps(settings), parent.Ref));

        var connected = await parent.ExpectMsgAsync<TransportConnected>(TimeSpan.FromSeconds(5));
        Assert.Equal($"127.0.0.1:{port}", connected.Endpoint);
        outbox.Tell(Deliver(settings, "AB000000000001"));
        var ack = await parent.ExpectMsgAsync<TransportAck>(TimeSpan.FromSeconds(5));
        Assert.Equal(("AB000000000001", "AA"), (ack.MessageControlId, ack.AckCode));
        outbox.Tell(Deliver(settings, "AB000000000002"));
        var error = await parent.ExpectMsgAsync<TransportAck>(TimeSpan.FromSeconds(5));
        Assert.Equal(("AB000000000002", "AE", "unknown patient"), (error.MessageControlId, error.AckCode, error.Text));

        // The receiver goes away: the parent hears of it; when it is back on the same port the transport reconnects.
        await first.DisposeAsync();
        await parent.ExpectMsgAsync<TransportDisconnected>(TimeSpan.FromSeconds(5));

        // Writing onto the connection that ended (an outbox that has not yet heard) neither throws nor reports twice.
        connected.Send!(Deliver(settings, "AB000000000009"));
        await parent.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await using var second = new MllpListener(new MllpListenerOptions { Port = port }, handler);
        await second.StartAsync();
        var reconnected = await parent.ExpectMsgAsync<TransportConnected>(TimeSpan.FromSeconds(5));
        Assert.Equal($"127.0.0.1:{port}", reconnected.Endpoint);
        outbox.Tell(Deliver(settings, "AB000000000003"));
        Assert.Equal("AB000000000003", (await parent.ExpectMsgAsync<TransportAck>(TimeSpan.FromSeconds(5))).MessageControlId);

        // The outbox may also write straight onto the connection (no hop through the transport's mailbox).
        Assert.NotNull(reconnected.Send);
        reconnected.Send(Deliver(settings, "AB000000000004"));
        Assert.Equal("AB000000000004", (await parent.ExpectMsgAsync<TransportAck>(TimeSpan.FromSeconds(5))).MessageControlId);
        Assert.Equal(4, handler.Frames);

        Sys.Stop(outbox);
    }

    [Fact]
    public async Task Without_a_receiver_it_reports_disconnected_and_refuses_to_deliver()
    {
        var settings = Destination(FreePort());
        var parent = CreateTestProbe();
        var outbox = Sys.ActorOf(ProbeParent.GetProps(MllpTransportActor.GetProps(settings), parent.Ref));

        await parent.ExpectMsgAsync<TransportDisconnected>(TimeSpan.FromSeconds(5));
        outbox.Tell(Deliver(settings, "AB000000000001"));
        Assert.Equal("not connected", (await parent.ExpectMsgAsync<TransportDisconnected>(TimeSpan.FromSeconds(5))).Reason);
        Sys.Stop(outbox);
    }

    private static Hl7DestinationSettings Destination(int port) =>
        Hl7DestinationSettings.Read("ehr", ConfigurationFactory.ParseString($"host = 127.0.0.1\nport = {port}\nconnect-timeout = 2s"));

    private static TransportDeliver Deliver(Hl7DestinationSettings destination, string controlId)
    {
        var placed = Assert.IsType<PlaceOrder>(SampleOrders.Command("orm-o01-new-ct.hl7"));
        var notice = OutboundNotices.ForStatus(placed.Key, placed.Details, OrderStatusCodes.InProcess, "", At);
        var payload = Hl7OutboundRenderer.Render(notice, Hl7OutboundSelector.Format(destination), controlId, At);
        return new TransportDeliver(controlId, placed.Key.EntityId, notice.Kind, payload);
    }

    // A port nothing listens on (bound and released at once).
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
