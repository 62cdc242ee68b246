namespace ActorBroker.Domain.Orders;

/// <summary>
/// ORC-5 order status values (HL7 table 0038) and the order state each one reports when it comes
/// with ORC-1 SC (or XO CM).
/// </summary>
// HL7 2.5.1 4.5.1.5 (ORC-5, table 0038); dcm4chee-arc's ORC-1_ORC-5 -> SPS status table
public static class OrderStatusCodes
{
    public const string Scheduled = "SC";
    public const string InProcess = "IP";
    public const string Completed = "CM";
    public const string SomeResultsAvailable = "A";
    public const string Cancelled = "CA";
    public const string Discontinued = "DC";
    public const string Held = "HD";

    /// <summary>
    /// The state an SC status reports: SC scheduled, IP in progress, CM and A completed (A, "some
    /// results available", means the exam was done). Anything else is not a status the broker can act on.
    /// </summary>
    public static bool TryGetReportedState(string orderStatus, out OrderState state)
    {
        state = orderStatus switch
        {
            Scheduled => OrderState.Scheduled,
            InProcess => OrderState.InProgress,
            Completed or SomeResultsAvailable => OrderState.Completed,
            _ => OrderState.None,
        };
        return state != OrderState.None;
    }
}
