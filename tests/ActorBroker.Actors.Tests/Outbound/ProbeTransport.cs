using ActorBroker.Actors.Outbound;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>
/// A transport child for an outbox under test: what the outbox tells it (TransportDeliver) goes to the probe;
/// what the test tells it as the connection would (TransportConnected, TransportAck, TransportDisconnected) goes
/// to its parent, the outbox. On start it announces itself to the probe with <see cref="ProbeTransportStarted"/>.
/// </summary>
internal sealed class ProbeTransport : ReceiveActor
{
    private readonly IActorRef _probe;

    public ProbeTransport(IActorRef probe)
    {
        _probe = probe;
        Receive<TransportDeliver>(d => _probe.Tell(d, Self));
        Receive<TransportConnected>(m => Context.Parent.Tell(m));
        Receive<TransportAck>(m => Context.Parent.Tell(m));
        Receive<TransportDisconnected>(m => Context.Parent.Tell(m));
    }

    public static Props GetProps(IActorRef probe) => Props.Create(() => new ProbeTransport(probe));

    protected override void PreStart() => _probe.Tell(new ProbeTransportStarted(Self));
}
