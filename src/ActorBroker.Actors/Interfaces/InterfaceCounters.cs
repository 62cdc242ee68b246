using ActorBroker.Hl7;

namespace ActorBroker.Actors.Interfaces;

/// <summary>What the connection tasks tell their interface actor, for its counters.</summary>
internal static class InterfaceCounters
{
    public sealed record Acked(AckCode Code, DateTimeOffset At);

    public sealed record FrameError;

    public sealed record ExceptionStoreTimeout;

    public sealed record Connected;

    public sealed record Disconnected;
}
