using System.Net;
using System.Net.Sockets;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Outbound;
using ActorBroker.Actors.Settings;
using ActorBroker.Actors.Tests.Mpps;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>
/// MPPS forwarding end to end on the SQLite journal: the study entity journals what a modality sent, the
/// "mpps-forward" outbox (as OutboundDefinitions builds it from the configuration) reads it by tag and its DICOM
/// transport sends the same N-CREATE and N-SET to a PACS's MPPS SCP on 127.0.0.1.
/// </summary>
public sealed class MppsForwardingTests : SqliteTestKit
{
    private const string Uid = "1.2.826.0.1.3680043.2.1125.9.7";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 15, 30, 0, TimeSpan.Zero);

    private readonly TestProbe _exceptions;
    private readonly TestProbe _regions;

    public MppsForwardingTests()
    {
        _exceptions = CreateTestProbe("exceptions");
        _regions = CreateTestProbe("regions");
    }

    [Fact]
    public async Task The_PACS_receives_the_N_CREATE_and_N_SET_as_the_modality_sent_them_in_order()
    {
        var scp = new RecordingMppsScp();
        await using var pacs = DicomListener.Start(
            new DicomServiceOptions
            {
                Port = 0,
                Policy = new AssociationPolicy { AETitle = "PACS", AcceptAnyCallingAE = true, AbstractSyntaxes = [new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep)] },
            },
            new DicomServiceProviders { NCreate = scp, NSet = scp });
        var outbox = Sys.ActorOf(OutboxActor.GetProps(Forwarding(pacs.LocalEndPoint.Port), _exceptions.Ref, TimeProvider.System));

        var entity = SpawnEntity();
        var created = await SendAsync(entity, MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        var completed = await SendAsync(entity, MppsOperation.Set, MppsDatasets.NSetCompleted(images: 2));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var first = await scp.Requests.ReadAsync(timeout.Token);
        Assert.Equal(("N-CREATE", Uid, "ACTORBROKER"), (first.Operation, first.Uid, first.CallingAe));
        Assert.Equal(created.Attributes, Assert.IsType<MppsOutcome.Accepted>(first.Outcome).Attributes);
        var second = await scp.Requests.ReadAsync(timeout.Token);
        Assert.Equal(("N-SET", Uid), (second.Operation, second.Uid));
        Assert.Equal(completed.Attributes, Assert.IsType<MppsOutcome.Accepted>(second.Outcome).Attributes);

        await AwaitAssertAsync(
            async () =>
            {
                var s = await outbox.Ask<OutboxStatus>(new GetOutboxStatus(false), TimeSpan.FromSeconds(3));
                Assert.Equal((0, 2L, 0), (s.QueueDepth, s.Delivered, s.Parked));
            },
            TimeSpan.FromSeconds(5));
        await _exceptions.ExpectNoMsgAsync(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_PACS_that_is_down_is_retried_with_backoff_not_in_a_loop()
    {
        var outbox = Sys.ActorOf(OutboxActor.GetProps(Forwarding(FreePort()), _exceptions.Ref, TimeProvider.System));
        await SendAsync(SpawnEntity(), MppsOperation.Create, MppsDatasets.NCreate("CT01", "ACC20001"));
        await AwaitAssertAsync(
            async () => Assert.True((await outbox.Ask<OutboxStatus>(new GetOutboxStatus(false), TimeSpan.FromSeconds(3))).Errors > 0),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(20));

        // Base delay 200 ms doubling: within 1.5 s a handful of attempts, not one per refused connection.
        await _exceptions.ExpectNoMsgAsync(TimeSpan.FromSeconds(1.5));
        var status = await outbox.Ask<OutboxStatus>(new GetOutboxStatus(false), TimeSpan.FromSeconds(3));
        Assert.InRange(status.Errors, 1, 8);
        Assert.Equal((1, 0), (status.QueueDepth, status.Parked));
    }

    private static OutboxDefinition Forwarding(int port)
    {
        var defaults = ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "actor-broker.conf")));
        var settings = BrokerSettings.FromConfig(ConfigurationFactory
            .ParseString($"actor-broker.dicom.forward-mpps-to {{ ae-title = PACS, port = {port}, retry.base-delay = 200ms }}")
            .WithFallback(defaults));
        return Assert.Single(OutboundDefinitions.For(settings, TimeProvider.System), d => d.Name == "mpps-forward");
    }

    private IActorRef SpawnEntity() => Sys.ActorOf(ActorBroker.Actors.Studies.StudyEntity.GetProps(MppsDatasets.StudyUid, new ActorBroker.Actors.Studies.StudyEntityContext(
        0, _regions.Ref, _regions.Ref, _exceptions.Ref, new ModalityDirectory(SampleOrders.Sites), TimeSpan.Zero, ForwardsMpps: true)));

    private async Task<MppsOutcome.Accepted> SendAsync(IActorRef entity, MppsOperation operation, byte[] dataset)
    {
        var result = await entity.Ask<MppsRequestResult>(new MppsRequest(Uid, operation, "CT01", dataset, At), TimeSpan.FromSeconds(10));
        return Assert.IsType<MppsOutcome.Accepted>(result.Outcome);
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
