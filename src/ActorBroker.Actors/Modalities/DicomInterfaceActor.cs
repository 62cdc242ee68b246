using System.Net;
using ActorBroker.Actors.Settings;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// The broker's DICOM SCP (actor-broker.dicom): owns the <see cref="DicomListener"/>'s lifetime, so a restart by
/// its supervisor closes and reopens the port, like the HL7 interface actor owns its MLLP listener. Accepts
/// Verification and Modality Worklist FIND; the called AE must be ours and the calling AE a configured modality
/// (unless accept-any-calling-ae), else A-ASSOCIATE-RJ (PS3.8 9.3.4 reasons 7 and 3).
/// </summary>
#pragma warning disable CA1001 // the listener is disposed in PostStop, the actor's end of life
public sealed class DicomInterfaceActor : ReceiveActor
{
    /// <summary>Name under which the bound endpoint is reported to <see cref="BrokerEndpoints"/> (ports file, health).</summary>
    public const string EndpointName = "dicom";

    private readonly DicomSettings _settings;
    private readonly ModalityDirectory _modalities;
    private readonly WorklistIndex _worklist;
    private readonly IActorRef _counters;
    private readonly BrokerEndpoints _endpoints;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DicomServiceProviders _extra;
    private DicomListener? _listener;

    public DicomInterfaceActor(DicomSettings settings, ModalityDirectory modalities, WorklistIndex worklist, IActorRef counters, BrokerEndpoints endpoints, TimeProvider time, DicomServiceProviders extra)
    {
        _extra = extra;
        _settings = settings;
        _modalities = modalities;
        _worklist = worklist;
        _counters = counters;
        _endpoints = endpoints;
        _time = time;
        Receive<GetDicomScpStatus>(_ => Sender.Tell(new DicomScpStatus(
            _settings.AeTitle,
            _listener is null ? "starting" : "listening",
            _listener?.LocalEndPoint.ToString() ?? $"{_settings.Host}:{_settings.Port}",
            _listener?.ActiveAssociations ?? 0,
            _settings.AcceptAnyCallingAe)));
    }

    /// <param name="extra">N-CREATE / N-SET (MPPS) and C-STORE providers, when the broker offers those services.</param>
    public static Props GetProps(DicomSettings settings, ModalityDirectory modalities, WorklistIndex worklist, IActorRef counters, BrokerEndpoints endpoints, TimeProvider time, DicomServiceProviders extra) =>
        Props.Create(() => new DicomInterfaceActor(settings, modalities, worklist, counters, endpoints, time, extra));

    protected override void PreStart()
    {
        var policy = AssociationPolicy.Default with
        {
            AETitle = _settings.AeTitle,
            AllowedCallingAETitles = _modalities.AeTitles,
            AcceptAnyCallingAE = _settings.AcceptAnyCallingAe,
            AbstractSyntaxes =
            [
                new SupportedAbstractSyntax(WellKnownUids.Verification),
                new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind),
                .. _extra.NCreate is not null ? [new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep)] : Array.Empty<SupportedAbstractSyntax>(),
                .. _extra.Store is not null ? Dicom.Sr.SrSopClasses.All.Select(uid => new SupportedAbstractSyntax(uid)) : [],
            ],
        };
        var options = new DicomServiceOptions
        {
            Host = _settings.Host,
            Port = _settings.Port,
            Policy = policy,
            MaxConcurrentAssociations = _settings.MaxAssociations,
            TimeProvider = _time,
        };
        var providers = new DicomServiceProviders
        {
            Find = new MwlFindProvider(_worklist, _modalities, new MwlMatchingOptions { ExactNameMatching = _settings.ExactNameMatching }, _counters, _time),
            NCreate = _extra.NCreate,
            NSet = _extra.NSet,
            Store = _extra.Store,
        };
        try
        {
            // Binding is synchronous: a port in use fails this incarnation, and the supervisor retries.
            _listener = DicomListener.Start(options, providers, new ModalityAssociationObserver(_counters, _time));
        }
        catch (Exception e)
        {
            _endpoints.ReportFailure(EndpointName, e);
            throw new InvalidOperationException($"DICOM SCP {_settings.AeTitle} could not listen on {_settings.Host}:{_settings.Port}", e);
        }

        IPEndPoint bound = _listener.LocalEndPoint;
        _endpoints.Report(EndpointName, bound);
        _log.Info("DICOM SCP {0} listening on {1} (MWL FIND, C-ECHO{4}; {2} modalities{3})",
            _settings.AeTitle, bound, _modalities.All.Count, _settings.AcceptAnyCallingAe ? ", any calling AE accepted" : "", (_extra.NCreate is not null ? ", MPPS" : "") + (_extra.Store is not null ? ", SR storage" : ""));
    }

    protected override void PostStop()
    {
        // Close the port synchronously so a restarted incarnation can bind it again.
        _listener?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
