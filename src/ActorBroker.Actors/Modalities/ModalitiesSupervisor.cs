using ActorBroker.Dicom.Dimse;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// Parent of one <see cref="ModalityActor"/> per configured station AE title and of the DICOM SCP
/// (<see cref="DicomInterfaceActor"/>). Routes the association and query events by calling AE title; callers that
/// are not configured are tallied here (the first thing to look at when a new scanner "cannot connect").
/// </summary>
public sealed class ModalitiesSupervisor : ReceiveActor
{
    public const string Name = "modalities";

    // Bounded: an SCP open to the network must not grow without limit on made-up AE titles.
    private const int MaxUnknownCallers = 100;

    private readonly Dictionary<string, IActorRef> _stations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnknownCaller> _unknown = new(StringComparer.Ordinal);
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _scp;

    public ModalitiesSupervisor(DicomSettings settings, ModalityDirectory modalities, WorklistIndex worklist, BrokerEndpoints endpoints, TimeProvider time, DicomServiceProviders extraProviders)
    {
        foreach (var m in modalities.All)
        {
            _stations[m.AeTitle] = Context.ActorOf(ModalityActor.GetProps(m, worklist), "ae-" + Uri.EscapeDataString(m.AeTitle));
        }

        _scp = Context.ActorOf(DicomInterfaceActor.GetProps(settings, modalities, worklist, Self, endpoints, time, extraProviders), "dicom-scp");

        Receive<ModalityAssociationOpened>(m => Route(m.CallingAeTitle, m, u => u with { Associations = u.Associations + 1, LastSeen = m.At }, m.At));
        Receive<ModalityAssociationClosed>(m => Route(m.CallingAeTitle, m, null, m.At));
        Receive<ModalityQueryCompleted>(m => Route(m.CallingAeTitle, m, u => u with { Queries = u.Queries + 1, LastSeen = m.At }, m.At));
        Receive<ModalityAssociationRejected>(m =>
        {
            // AE titles are configuration, not patient data: safe to log at Info.
            _log.Info("DICOM association from {0} to {1} rejected: {2}", m.CallingAeTitle, m.CalledAeTitle, m.Reason);
            Route(m.CallingAeTitle, m, u => u with { Rejected = u.Rejected + 1, LastSeen = m.At }, m.At);
        });
        ReceiveAsync<GetModalities>(async _ =>
        {
            var sender = Sender;
            var statuses = await Task.WhenAll(_stations.Values.Select(c => c.Ask<ModalityStatus>(new GetModality(""), TimeSpan.FromSeconds(3))));
            var scp = await _scp.Ask<DicomScpStatus>(GetDicomScpStatus.Instance, TimeSpan.FromSeconds(3));
            sender.Tell(new ModalityList(
                statuses.OrderBy(s => s.Site, StringComparer.Ordinal).ThenBy(s => s.AeTitle, StringComparer.Ordinal).ToList(),
                _unknown.Values.OrderBy(u => u.AeTitle, StringComparer.Ordinal).ToList(),
                scp));
        });
        Receive<GetModality>(q =>
        {
            if (_stations.TryGetValue(q.AeTitle.Trim(), out var station))
            {
                station.Forward(q);
            }
            else
            {
                Sender.Tell(new ModalityNotFound(q.AeTitle));
            }
        });
    }

    public static Props GetProps(DicomSettings settings, ModalityDirectory modalities, WorklistIndex worklist, BrokerEndpoints endpoints, TimeProvider time, DicomServiceProviders? extraProviders = null) =>
        Props.Create(() => new ModalitiesSupervisor(settings, modalities, worklist, endpoints, time, extraProviders ?? DicomServiceProviders.EchoOnly));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);

    private void Route(string ae, object message, Func<UnknownCaller, UnknownCaller>? unknown, DateTimeOffset at)
    {
        if (_stations.TryGetValue(ae, out var station))
        {
            station.Tell(message);
            return;
        }

        if (unknown is null || (!_unknown.ContainsKey(ae) && _unknown.Count >= MaxUnknownCallers))
        {
            return;
        }

        _unknown[ae] = unknown(_unknown.GetValueOrDefault(ae) ?? new UnknownCaller(ae, 0, 0, 0, at));
    }
}
