namespace ActorBroker.Actors.Exceptions;

/// <summary>What a replay did: accepted, duplicate (already applied), rejected (still wrong), failed (try later).</summary>
public sealed record ReplayOutcome(string Outcome, string Detail);
