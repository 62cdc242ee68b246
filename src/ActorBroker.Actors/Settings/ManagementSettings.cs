namespace ActorBroker.Actors.Settings;

/// <summary>actor-broker.management: the loopback HTTP API abctl talks to.</summary>
public sealed record ManagementSettings(string Host, int Port);
