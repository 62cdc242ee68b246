namespace ActorBroker.Domain.Orders;

// The order commands, one per HL7 order control (ORC-1) the broker understands.
// HL7 2.5.1 4.5.1.1 (ORC-1, table 0119) and 4.5.1.5 (ORC-5, table 0038); IHE RAD TF-2 4.2-4.4, 4.13.

/// <summary>NW: a new order (RAD-2/RAD-4).</summary>
public sealed record PlaceOrder(OrderKey Key, MessageRef Message, OrderDetails Details) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>XO: the order's details changed (RAD-13 procedure update).</summary>
public sealed record ChangeOrder(OrderKey Key, MessageRef Message, OrderDetails Details) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>CA: cancel an order that has not started. OrderStatus is ORC-5 as sent.</summary>
public sealed record CancelOrder(OrderKey Key, MessageRef Message, string OrderStatus) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>DC: discontinue an order (also one in progress). OrderStatus is ORC-5 as sent.</summary>
public sealed record DiscontinueOrder(OrderKey Key, MessageRef Message, string OrderStatus) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>HD: put a scheduled order on hold (it leaves the worklist unless the site lists held orders).</summary>
public sealed record HoldOrder(OrderKey Key, MessageRef Message) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>RL: release a held order back to scheduled.</summary>
public sealed record ReleaseOrder(OrderKey Key, MessageRef Message) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>
/// SC (or XO with ORC-5 CM): the EHR reports a status. OrderStatus is ORC-5: SC scheduled,
/// IP in progress, CM or A completed (see <see cref="OrderStatusCodes"/>).
/// </summary>
public sealed record ChangeOrderStatus(OrderKey Key, MessageRef Message, string OrderStatus) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;

    /// <summary>ORC-1 as sent (SC, or XO for XO/CM), for messages that name what arrived.</summary>
    public string OrderControl { get; init; } = "SC";
}

/// <summary>
/// An MPPS instance created or updated for this order (N-CREATE IN PROGRESS, N-SET COMPLETED or
/// DISCONTINUED), forwarded by the study entity that holds the MPPS. Message is ("DICOM", calling AE,
/// "MPPS-UID|STATUS", received at), so a redelivery of the same step is a duplicate.
/// </summary>
public sealed record RecordProcedureStep(OrderKey Key, MessageRef Message, PerformedStep Step) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}

/// <summary>
/// A report version for this order (ORU^R01 in, or a DICOM SR stored to the broker). Message is
/// the ORU's MSH (sender, MSH-10), or ("DICOM", calling AE, "SR-SOP-INSTANCE-UID") for an SR.
/// </summary>
public sealed record RecordReport(OrderKey Key, MessageRef Message, Reports.ReportContent Report) : IOrderCommand
{
    public int OrderGroup { get; init; } = 1;
}
