using ActorBroker.Domain.Outbound;
using Akka.Actor;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// What makes one outbox: its name (the interface name operators use), which journal tag it reads and how an event
/// becomes a message (Select returns null for events this interface does not take), its transport, policy and window.
/// OwnThread: the outbox runs on the outboxes' thread of their own (<see cref="OutboundSupervisor.OutboxDispatcherId"/>)
/// instead of the default dispatcher.
/// </summary>
public sealed record OutboxDefinition(
    string Name,
    string Kind,
    string Endpoint,
    string Tag,
    string QueryPluginId,
    Func<object, long, DateTimeOffset, OutboxItem?> Select,
    Props TransportProps,
    OutboxPolicy Policy,
    int MaxInFlight,
    bool OwnThread = false);
