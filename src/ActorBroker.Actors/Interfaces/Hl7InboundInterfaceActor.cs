using System.Net;
using ActorBroker.Actors.Inbound;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Interfaces;

/// <summary>
/// One inbound HL7 link (an MLLP listener): owns the listener's lifetime, so a restart by its
/// supervisor closes and reopens the port, and keeps the counters an analyst checks first.
/// </summary>
#pragma warning disable CA1001 // the listener is disposed in PostStop, the actor's end of life
public sealed class Hl7InboundInterfaceActor : ReceiveActor
{
    private readonly Hl7ListenerSettings _settings;
    private readonly IActorRef _inboundLog;
    private readonly IActorRef _exceptions;
    private readonly SiteDirectory _sites;
    private readonly BrokerEndpoints _endpoints;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private MllpListener? _listener;
    private IPEndPoint? _bound;
    private long _accepted;
    private long _rejected;
    private long _errors;
    private long _frameErrors;
    private DateTimeOffset? _last;

    private readonly IActorRef _orderIndex;

    public Hl7InboundInterfaceActor(Hl7ListenerSettings settings, IActorRef inboundLog, IActorRef exceptions, SiteDirectory sites, BrokerEndpoints endpoints, TimeProvider time, IActorRef orderIndex)
    {
        _orderIndex = orderIndex;
        _settings = settings;
        _inboundLog = inboundLog;
        _exceptions = exceptions;
        _sites = sites;
        _endpoints = endpoints;
        _time = time;

        Receive<Started>(s =>
        {
            _bound = s.EndPoint;
            _endpoints.Report(Name, s.EndPoint);
            _log.Info("HL7 interface {0} listening on {1}", Name, s.EndPoint);
        });
        Receive<Status.Failure>(f =>
        {
            _endpoints.ReportFailure(Name, f.Cause);
            throw new InvalidOperationException($"HL7 interface {Name} could not listen on {_settings.Host}:{_settings.Port}", f.Cause);
        });
        Receive<InterfaceCounters.Acked>(a =>
        {
            _last = a.At;
            switch (a.Code)
            {
                case AckCode.AA or AckCode.CA:
                    _accepted++;
                    break;
                case AckCode.AR or AckCode.CR:
                    _rejected++;
                    break;
                default:
                    _errors++;
                    break;
            }
        });
        Receive<InterfaceCounters.FrameError>(_ => _frameErrors++);
        Receive<InterfaceCounters.ExceptionStoreTimeout>(_ => _log.Error("HL7 interface {0}: the exception store did not confirm a record in time", Name));
        Receive<GetInterfaceStatus>(_ =>
        {
            var status = new InterfaceStatus(
                Name,
                "hl7-inbound",
                _bound is null ? "starting" : "listening",
                (_bound?.ToString()) ?? $"{_settings.Host}:{_settings.Port}",
                _listener?.ActiveConnections ?? 0,
                _accepted,
                _rejected,
                _errors,
                _frameErrors,
                _last);
            // With the log's backlog (ACKed, not yet applied) when it answers in time; without it when it is restarting.
            _inboundLog.Ask<InboundLogStatus>(new GetInboundLogStatus(), TimeSpan.FromSeconds(2))
                .ContinueWith(t => t.IsCompletedSuccessfully ? status with { Log = t.Result } : status, TaskScheduler.Default)
                .PipeTo(Sender);
        });
    }

    private string Name => "hl7:" + _settings.Name;

    public static Props GetProps(Hl7ListenerSettings settings, IActorRef inboundLog, IActorRef exceptions, SiteDirectory sites, BrokerEndpoints endpoints, TimeProvider time, IActorRef orderIndex) =>
        Props.Create(() => new Hl7InboundInterfaceActor(settings, inboundLog, exceptions, sites, endpoints, time, orderIndex));

    protected override void PreStart()
    {
        var handler = new Hl7InboundHandler(_settings, _inboundLog, _exceptions, Self, _sites, _time, new Hl7CommandMapper(_sites, new Reports.ReportKeyResolver(_orderIndex)));
        var options = MllpListenerOptions.Default with
        {
            Host = _settings.Host,
            Port = _settings.Port,
            MaxMessageBytes = _settings.MaxMessageBytes,
            IdleTimeout = _settings.IdleTimeout,
            MaxInFlightPerConnection = _settings.MaxInFlightPerConnection,
        };
        _listener = new MllpListener(options, handler, _time);
        var listener = _listener;
        listener.StartAsync(CancellationToken.None)
            .ContinueWith(t => t.IsCompletedSuccessfully ? (object)new Started(listener.LocalEndPoint) : new Status.Failure(t.Exception?.GetBaseException() ?? new InvalidOperationException("listener did not start")), TaskScheduler.Default)
            .PipeTo(Self);
    }

    protected override void PostStop()
    {
        // Close the port synchronously so a restarted incarnation can bind it again.
        _listener?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private sealed record Started(IPEndPoint EndPoint);
}
