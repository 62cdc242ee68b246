namespace ActorBroker.Domain.Orders;

/// <summary>
/// Where an order is in its lifecycle. Journaled by name (the broker's JSON uses string enums),
/// and the numbers leave gaps so that later states (reported P/F/C) slot in without renumbering.
/// </summary>
public enum OrderState
{
    /// <summary>No order with this key has been placed (the state of an empty entity).</summary>
    None = 0,
    Scheduled = 10,
    Held = 15,
    InProgress = 20,
    Completed = 30,

    /// <summary>A preliminary report (result status P) was recorded; the exam is done.</summary>
    ReportedPreliminary = 32,

    /// <summary>A final report (result status F) was recorded.</summary>
    ReportedFinal = 34,

    /// <summary>A corrected report (result status C) was recorded, normally after a final one.</summary>
    ReportedCorrected = 36,

    Discontinued = 40,
    Cancelled = 50,
}
