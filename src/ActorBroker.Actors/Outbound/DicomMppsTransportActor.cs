using ActorBroker.Actors.Settings;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// The transport of the MPPS-forwarding outbox: an MPPS SCU (PS3.4 F.7) toward the configured PACS AE. It keeps one
/// association open while there is work and sends one request at a time (the outbox keeps one in flight). The DIMSE
/// status becomes the outbox's answer: success and warnings are delivered; a duplicate N-CREATE (0111: the PACS
/// already has it, e.g. our earlier attempt's response was lost) counts as delivered; any other failure is AE
/// (the outbox parks it, as configured); a refused association or a network error is a lost connection (retried
/// with backoff).
/// </summary>
public sealed class DicomMppsTransportActor : ReceiveActor, IWithTimers
{
    private readonly MppsForwardSettings _settings;
    private readonly string _callingAe;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private DicomClient? _client;

    public DicomMppsTransportActor(MppsForwardSettings settings, string callingAe, TimeProvider time)
    {
        _settings = settings;
        _callingAe = callingAe;
        _time = time;
        ReceiveAsync<TransportDeliver>(DeliverAsync);
        ReceiveAsync<Idle>(async _ => await CloseAsync(release: true));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props GetProps(MppsForwardSettings settings, string callingAe, TimeProvider time) =>
        Props.Create(() => new DicomMppsTransportActor(settings, callingAe, time));

    protected override void PreStart()
    {
        // Connections are made per delivery; say "connected" so the outbox starts dispatching.
        Context.Parent.Tell(new TransportConnected($"{_settings.AeTitle}@{_settings.Host}:{_settings.Port}"));
    }

    protected override void PostStop()
    {
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    // Runs inside ReceiveAsync: the actor takes the next delivery only after this one was answered.
    private async Task DeliverAsync(TransportDeliver d)
    {
        var parent = Context.Parent;
        try
        {
            _client ??= await DicomClient.ConnectAsync(new DicomClientOptions
            {
                Host = _settings.Host,
                Port = _settings.Port,
                CalledAETitle = _settings.AeTitle,
                CallingAETitle = _callingAe,
                PresentationContexts = [new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep)],
                TimeProvider = _time,
            });
            var dataset = DicomDatasetReader.Read(d.Payload, DicomTransferSyntax.ExplicitVRLittleEndian);
            DimseResponse response = d.Kind == "N-CREATE"
                ? await _client.NCreateAsync(new NCreateRequest { AffectedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep, AffectedSOPInstanceUID = d.OrderKey, MessageID = 1, Dataset = dataset })
                : await _client.NSetAsync(new NSetRequest { RequestedSOPClassUID = WellKnownUids.ModalityPerformedProcedureStep, RequestedSOPInstanceUID = d.OrderKey, MessageID = 1, Dataset = dataset });
            var status = response.Status;
            var code = status.Type is DicomStatusType.Success or DicomStatusType.Warning || (d.Kind == "N-CREATE" && status == DicomStatus.DuplicateSOPInstance)
                ? "AA"
                : "AE";
            parent.Tell(new TransportAck(d.MessageControlId, code, $"{d.Kind} status {status.Code:X4} {status.Name}{(response.ErrorComment is { Length: > 0 } c ? ": " + c : "")}"));
            // Released after 5 s without work (each delivery restarts the timer).
            Timers.StartSingleTimer("idle", new Idle(), TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is DicomNetworkException or DicomAssociationRejectedException or IOException or TimeoutException or OperationCanceledException)
        {
            _log.Warning("MPPS forward to {0}: {1}", _settings.AeTitle, e.Message);
            await CloseAsync(release: false);
            parent.Tell(new TransportDisconnected(e.Message));
            // Report "connected" again so the outbox retries once its backoff allows.
            parent.Tell(new TransportConnected($"{_settings.AeTitle}@{_settings.Host}:{_settings.Port}"));
        }
    }

    private async Task CloseAsync(bool release)
    {
        if (_client is not { } client)
        {
            return;
        }

        _client = null;
        try
        {
            if (release && client.IsEstablished)
            {
                await client.ReleaseAsync();
            }
        }
        catch (Exception e) when (e is DicomNetworkException or IOException or TimeoutException or OperationCanceledException)
        {
            _log.Debug("MPPS forward: release failed: {0}", e.Message);
        }
        finally
        {
            await client.DisposeAsync();
        }
    }

    private sealed record Idle;
}
