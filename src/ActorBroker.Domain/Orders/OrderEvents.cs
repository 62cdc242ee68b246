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
