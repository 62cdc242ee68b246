namespace ActorBroker.Actors;

/// <summary>Akka.Hosting registry key of the order shard region (or proxy).</summary>
public sealed class OrderRegionKey;

/// <summary>Registry key of the exception store (a cluster singleton proxy).</summary>
public sealed class ExceptionStoreKey;

/// <summary>Registry key of this node's order read model.</summary>
public sealed class OrderIndexKey;

/// <summary>Registry key of the HL7 interfaces supervisor.</summary>
public sealed class InterfacesKey;

/// <summary>Registry key of the study shard region (issue 4).</summary>
public sealed class StudyRegionKey;

/// <summary>Registry key of the outbound interfaces supervisor (one outbox per HL7 destination, MPPS forwarding).</summary>
public sealed class OutboundKey;
