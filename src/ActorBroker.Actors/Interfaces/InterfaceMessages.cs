namespace ActorBroker.Actors.Interfaces;

/// <summary>Ask the interfaces supervisor (or one interface) for its live state.</summary>
public sealed record GetInterfaceStatus;

public sealed record InterfaceStatus(
    string Name,
    string Kind,
    string State,
    string Endpoint,
    int Connections,
    long Accepted,
    long Rejected,
    long Errors,
    long FrameErrors,
    DateTimeOffset? LastMessageAt,
    ActorBroker.Actors.Inbound.InboundLogStatus? Log = null);

public sealed record InterfaceStatuses(IReadOnlyList<InterfaceStatus> Interfaces);
