using ActorBroker.Actors.Settings;
using ActorBroker.Actors.Inbound;
using Akka.Actor;
using ActorBroker.Actors.Persistence;

namespace ActorBroker.Actors.Interfaces;

/// <summary>
/// Parent of every external link. A link that fails (a port taken, a listener crash) is restarted
/// on its own; the others keep serving.
/// </summary>
public sealed class InterfacesSupervisor : ReceiveActor
{
    public InterfacesSupervisor(BrokerSettings settings, IActorRef orders, IActorRef exceptions, BrokerEndpoints endpoints, TimeProvider time, IActorRef orderIndex)
    {
        foreach (var l in settings.Hl7Listeners)
        {
            // The inbound log is the listener's write path; a failed write stops it and its backoff
            // supervisor restarts it, while the listener keeps answering (AE 207 meanwhile).
            var log = Context.ActorOf(
                PersistentBackoff.Props(
                    InboundLogActor.GetProps($"inbound-{settings.NodeName}-{l.Name}", "hl7:" + l.Name, orders, exceptions, time, l.ApplyConcurrency, gate: new ApplyGate(l.ApplyYieldAbove, l.MaxApplyBacklog, l.ApplyWhileReceiving)),
                    "log"),
                "inbound-log-" + l.Name);
            Context.ActorOf(Hl7InboundInterfaceActor.GetProps(l, log, exceptions, settings.Sites, endpoints, time, orderIndex), "hl7-" + l.Name);
        }

        ReceiveAsync<GetInterfaceStatus>(async q =>
        {
            var sender = Sender;
            var replies = await Task.WhenAll(Context.GetChildren().Where(c => c.Path.Name.StartsWith("hl7-", StringComparison.Ordinal)).Select(c => c.Ask<InterfaceStatus>(q, TimeSpan.FromSeconds(3))));
            sender.Tell(new InterfaceStatuses(replies));
        });
    }

    public static Props GetProps(BrokerSettings settings, IActorRef orders, IActorRef exceptions, BrokerEndpoints endpoints, TimeProvider time, IActorRef orderIndex) =>
        Props.Create(() => new InterfacesSupervisor(settings, orders, exceptions, endpoints, time, orderIndex));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
