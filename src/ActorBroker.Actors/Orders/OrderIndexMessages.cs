using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Orders;

/// <summary>List orders from the read model (never wakes order entities).</summary>
public sealed record ListOrders(string? Site, OrderState? State, int Limit);

public sealed record OrderList(IReadOnlyList<OrderSnapshot> Orders, int Total);

/// <summary>Which sites know this accession (the read model's answer).</summary>
public sealed record FindOrderKeys(string Accession, string? Site);

public sealed record OrderKeys(IReadOnlyList<OrderKey> Keys);

/// <summary>
/// Which orders a report without an accession belongs to: by placer order number, else filler order number, else
/// Study Instance UID (the first criterion that is given and matches wins). Site narrows when known.
/// </summary>
public sealed record FindOrdersByReference(string? Site, string PlacerOrderNumber, string FillerOrderNumber, string StudyInstanceUid);

/// <summary>Published on this node's event stream by an order entity right after a write.</summary>
public sealed record OrderEventJournaled(string PersistenceId, long SequenceNr, IOrderEvent Event);

/// <summary>An event delivered to the index by the events-by-tag stream.</summary>
internal sealed record IndexedEvent(string PersistenceId, long SequenceNr, IOrderEvent Event);

/// <summary>The events-by-tag stream ended or failed; the index restarts it.</summary>
internal sealed record IndexStreamEnded(Exception? Cause);
