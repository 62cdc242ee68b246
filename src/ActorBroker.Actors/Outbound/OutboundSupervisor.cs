using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Actor;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// Parent of every outbound interface: one outbox per HL7 destination (actor-broker.hl7.destinations) and one for
/// MPPS forwarding when actor-broker.dicom.forward-mpps-to names a PACS. Each outbox runs under a backoff supervisor
/// (a failed journal write stops a persistent actor; backoff spaces the restarts); one failing never stops another.
/// </summary>
public sealed class OutboundSupervisor : ReceiveActor
{
    public const string Name = "outbound";

    private readonly Dictionary<string, IActorRef> _outboxes = new(StringComparer.OrdinalIgnoreCase);

    public OutboundSupervisor(IReadOnlyList<OutboxDefinition> definitions, IActorRef exceptions, TimeProvider time)
    {
        foreach (var d in definitions)
        {
            _outboxes[d.Name] = Context.ActorOf(PersistentBackoff.Props(OutboxActor.GetProps(d, exceptions, time), "outbox"), "outbox-" + Uri.EscapeDataString(d.Name));
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

    public static Props GetProps(IReadOnlyList<OutboxDefinition> definitions, IActorRef exceptions, TimeProvider time) =>
        Props.Create(() => new OutboundSupervisor(definitions, exceptions, time));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: -1, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
