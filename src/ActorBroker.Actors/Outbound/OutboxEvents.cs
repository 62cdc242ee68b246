namespace ActorBroker.Actors.Outbound;

// The outbox's journaled facts (manifests in Serialization/ManifestRegistry.cs) and its snapshot.

/// <summary>
/// One message to deliver, rendered once when it entered the outbox (so a resend is byte-identical, same MSH-10).
/// OrderKey is what delivery order is kept by ("SITE|ACCESSION" for HL7, the MPPS SOP Instance UID for MPPS
/// forwarding). Summary is safe to log and show ("ORM^O01 SC/IP"): no patient data.
/// </summary>
public sealed record OutboxItem(string Id, string OrderKey, string MessageControlId, string Kind, string Summary, byte[] Payload, DateTimeOffset EnqueuedAt);

/// <summary>Items taken from the journal up to Offset (the events-by-tag ordering).</summary>
public sealed record OutboxEnqueued(IReadOnlyList<OutboxItem> Items, long Offset);

/// <summary>The receiver accepted these (positive ACK, or DIMSE success).</summary>
public sealed record OutboxDelivered(IReadOnlyList<string> Ids);

/// <summary>Parked after a negative answer (or too many attempts): waits for an operator; only its order waits.</summary>
public sealed record OutboxParked(string Id, string Reason, DateTimeOffset At);

/// <summary>An operator asked to send a parked message again.</summary>
public sealed record OutboxReleased(string Id, DateTimeOffset At);

/// <summary>An operator dropped a parked message.</summary>
public sealed record OutboxDiscarded(string Id, DateTimeOffset At);

/// <summary>The outbox's state: what is still to deliver (parked ones with their reason) and how far it read.</summary>
public sealed record OutboxJournalSnapshot(IReadOnlyList<OutboxItem> Items, IReadOnlyList<OutboxParked> Parked, long Offset, long Delivered);
