using ActorBroker.Actors.Settings;
using Akka.Actor;

namespace ActorBroker.Actors.Interfaces;

/// <summary>
/// Parent of every external link. A link that fails (a port taken, a listener crash) is restarted
/// on its own; the others keep serving.
/// </summary>
public sealed class InterfacesSupervisor : ReceiveActor
{
    public InterfacesSupervisor(BrokerSettings settings, IActorRef orders, IActorRef exceptions, BrokerEndpoints endpoints, TimeProvider time)
    {
        foreach (var l in settings.Hl7Listeners)
        {
            Context.ActorOf(Hl7InboundInterfaceActor.GetProps(l, orders, exceptions, settings.Sites, endpoints, time), "hl7-" + l.Name);
        }

        ReceiveAsync<GetInterfaceStatus>(async q =>
        {
            var sender = Sender;
            var replies = await Task.WhenAll(Context.GetChildren().Select(c => c.Ask<InterfaceStatus>(q, TimeSpan.FromSeconds(3))));
            sender.Tell(new InterfaceStatuses(replies));
        });
    }

    public static Props GetProps(BrokerSettings settings, IActorRef orders, IActorRef exceptions, BrokerEndpoints endpoints, TimeProvider time) =>
        Props.Create(() => new InterfacesSupervisor(settings, orders, exceptions, endpoints, time));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 10, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);
}
