using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Configuration;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// Parent of every outbound interface: one outbox per HL7 destination (actor-broker.hl7.destinations) and one for
/// MPPS forwarding when actor-broker.dicom.forward-mpps-to names a PACS. Each outbox runs under a backoff supervisor
/// (a failed journal write stops a persistent actor; backoff spaces the restarts); one failing never stops another.
/// The HL7 outboxes run on a thread of their own (<see cref="OutboxDispatcherId"/>, one thread for all of them): with one
/// message in flight the link waits for the outbox after every ACK, and through the shared thread pool that wait was
/// 0.15-0.5 ms on a busy node, a queue behind the DICOM and journal work (perf/README.md, sessions 10 and 12).
/// </summary>
public sealed class OutboundSupervisor : ReceiveActor
{
    public const string Name = "outbound";

    /// <summary>The dispatcher of the HL7 outboxes: one thread of their own (see <see cref="DispatcherHocon"/>).</summary>
    public const string OutboxDispatcherId = "actor-broker-outbox-dispatcher";

    private readonly Dictionary<string, IActorRef> _outboxes = new(StringComparer.OrdinalIgnoreCase);

    public OutboundSupervisor(IReadOnlyList<OutboxDefinition> definitions, IActorRef exceptions, TimeProvider time)
    {
        foreach (var d in definitions)
        {
            var props = OutboxActor.GetProps(d, exceptions, time);
            // An actor system without the broker's configuration (a test kit) has no such dispatcher: the default one.
            if (d.OwnThread && Context.System.Dispatchers.HasDispatcher(OutboxDispatcherId))
            {
                props = props.WithDispatcher(OutboxDispatcherId);
            }

            _outboxes[d.Name] = Context.ActorOf(PersistentBackoff.Props(props, "outbox"), "outbox-" + Uri.EscapeDataString(d.Name));
        }

        ReceiveAsync<GetOutboxStatuses>(async q =>
        {
            var sender = Sender;
            var replies = await Task.WhenAll(_outboxes.Values.Select(o => o.Ask<OutboxStatus>(new GetOutboxStatus(q.WithMessages), TimeSpan.FromSeconds(3))));
            sender.Tell(new OutboxStatuses(replies));
        });
        Receive<ToOutbox>(m =>
        {
            if (_outboxes.TryGetValue(m.Name, out var outbox))
            {
                outbox.Forward(m.Message);
            }
            else
            {
                Sender.Tell(new OutboxCommandReply(m.Name, false, "no such interface"));
            }
        });
    }

    /// <summary>
    /// The outboxes' dispatcher: one thread (<see cref="OwnThreadExecutorConfigurator"/>) asking for <paramref name="slice"/>,
    /// the shortest link-thread-slice of the HL7 destinations (zero: the system's default slice).
    /// </summary>
    public static Config DispatcherHocon(TimeSpan slice) => ConfigurationFactory.ParseString($$"""
        {{OutboxDispatcherId}} {
          type = Dispatcher
          executor = "{{typeof(OwnThreadExecutorConfigurator).AssemblyQualifiedName}}"
          throughput = 100
          own-thread-slice = {{slice.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}ms
        }
        """);

    /// <summary>The slice the outboxes' thread asks for: the shortest non-zero link-thread-slice of the HL7 destinations.</summary>
    public static TimeSpan OutboxThreadSlice(IEnumerable<Hl7DestinationSettings> destinations) =>
        destinations.Select(d => d.LinkThreadSlice).Where(s => s > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.Zero).Min();

    public static Props GetProps(IReadOnlyList<OutboxDefinition> definitions, IActorRef exceptions, TimeProvider time) =>
        Props.Create(() => new OutboundSupervisor(definitions, exceptions, time));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
