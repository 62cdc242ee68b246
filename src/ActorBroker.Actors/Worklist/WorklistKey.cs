namespace ActorBroker.Actors.Worklist;

/// <summary>Akka.Hosting registry key of this node's worklist actor (the writer of the shared WorklistIndex).</summary>
public sealed class WorklistKey;
