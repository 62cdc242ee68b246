namespace ActorBroker.Host;

/// <summary>When this process started, for uptime in `abctl health`.</summary>
internal sealed record BrokerClock(TimeProvider Time, DateTimeOffset StartedAt);
