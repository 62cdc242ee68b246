using ActorBroker.Actors.Outbound;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>
/// Stands in for an outbox as the parent of a transport under test: creates the transport as its child, hands what
/// the child tells its parent to the probe (the transport's ACKs come from its receive loop, not from the child's
/// mailbox, so they are told by type, not by sender), and forwards everything else (TransportDeliver) to the child.
/// </summary>
internal sealed class ProbeParent : ReceiveActor
{
    public ProbeParent(Props child, IActorRef probe)
    {
        var transport = Context.ActorOf(child, "transport");
        ReceiveAny(m =>
        {
            if (m is TransportAck or TransportConnected or TransportDisconnected)
            {
                probe.Tell(m, Self);
            }
            else
            {
                transport.Forward(m);
            }
        });
    }

    public static Props GetProps(Props child, IActorRef probe) => Props.Create(() => new ProbeParent(child, probe));
}
