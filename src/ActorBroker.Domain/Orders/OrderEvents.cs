namespace ActorBroker.Domain.Orders;

// The journaled order events (manifests "OrderPlaced.v1" etc. in the actors' ManifestRegistry).
// Flat records on purpose: they are replayed from JSON for years, so no polymorphic properties.

/// <summary>A new order was placed; it is Scheduled.</summary>
public sealed record OrderPlaced(OrderKey Key, MessageRef Message, OrderDetails Details) : IOrderEvent;

/// <summary>The order's details were replaced; its state is unchanged.</summary>
public sealed record OrderChanged(OrderKey Key, MessageRef Message, OrderDetails Details) : IOrderEvent;

/// <summary>The order was cancelled before it started (terminal).</summary>
public sealed record OrderCancelled(OrderKey Key, MessageRef Message, string OrderStatus) : IOrderEvent;

/// <summary>The order was discontinued (terminal).</summary>
public sealed record OrderDiscontinued(OrderKey Key, MessageRef Message, string OrderStatus) : IOrderEvent;

/// <summary>The order was put on hold.</summary>
public sealed record OrderHeld(OrderKey Key, MessageRef Message) : IOrderEvent;

/// <summary>A held order was released; it is Scheduled again.</summary>
public sealed record OrderReleased(OrderKey Key, MessageRef Message) : IOrderEvent;

/// <summary>The order moved to NewState because the EHR reported ORC-5 OrderStatus.</summary>
public sealed record OrderStatusChanged(OrderKey Key, MessageRef Message, OrderState NewState, string OrderStatus) : IOrderEvent;

/// <summary>
/// An MPPS instance of this order was recorded (created or moved to COMPLETED/DISCONTINUED).
/// NewState is the order's state after it (the same state when the step changes nothing the EHR
/// must hear, or when the order is closed: see <see cref="OrderDecider"/>). Notice is the status
/// message for the EHR (ORC-5 IP, CM or DC) when the step moved the order, else null.
/// </summary>
public sealed record ProcedureStepRecorded(OrderKey Key, MessageRef Message, PerformedStep Step, OrderState NewState, Outbound.OutboundNotice? Notice) : IOrderEvent;

/// <summary>
/// An MPPS instance for an order that does not exist yet (a modality scanned before the NW came):
/// kept by the empty entity and recorded when the order is placed.
/// </summary>
public sealed record ProcedureStepAwaitingOrder(OrderKey Key, MessageRef Message, PerformedStep Step) : IOrderEvent;

/// <summary>
/// A report version was recorded; the order is now NewState (ReportedPreliminary, ReportedFinal or
/// ReportedCorrected) and Notice (kind result) is the ORU^R01 for the EHR. NoProcedureStepYet is
/// true when the order had no MPPS at all when the report came (reported without a performed step).
/// </summary>
public sealed record ReportRecorded(OrderKey Key, MessageRef Message, Reports.ReportContent Report, OrderState NewState, Outbound.OutboundNotice? Notice, bool NoProcedureStepYet = false) : IOrderEvent;

/// <summary>A report for an order that does not exist yet: kept and recorded when the order is placed.</summary>
public sealed record ReportAwaitingOrder(OrderKey Key, MessageRef Message, Reports.ReportContent Report) : IOrderEvent;
