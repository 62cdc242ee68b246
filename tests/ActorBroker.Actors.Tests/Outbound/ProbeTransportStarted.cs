using Akka.Actor;

namespace ActorBroker.Actors.Tests.Outbound;

/// <summary>A <see cref="ProbeTransport"/> started (the outbox created it): the test speaks for the connection through it.</summary>
internal sealed record ProbeTransportStarted(IActorRef Transport);
