namespace ActorBroker.Actors.Settings;

/// <summary>actor-broker.hl7.listeners.NAME: one inbound MLLP port.</summary>
public sealed record Hl7ListenerSettings(
    string Name,
    string Host,
    int Port,
    int MaxMessageBytes,
    TimeSpan IdleTimeout,
    int MaxInFlightPerConnection,
    TimeSpan AckTimeout,
    int ApplyConcurrency = 64,
    int ApplyYieldAbove = 0,
    int MaxApplyBacklog = 0,
    int ApplyWhileReceiving = 0);
