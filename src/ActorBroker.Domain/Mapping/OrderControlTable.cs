using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// ORC-1 (order control) with ORC-5 (order status) -> what the broker does. The core is
/// dcm4chee-arc's table: NW_SC, NW_IP, XO_SC schedule; CA_CA cancels; DC_CA discontinues; XO_CM,
/// SC_CM, SC_A complete. Additions, each because real feeds send it:
/// an empty ORC-5 with NW, XO, CA, DC, HD, RL (ORC-5 is optional in HL7, and the control alone
/// says what is meant); DC_DC (table 0038's own "discontinued"); HD_HD and RL_SC (hold and
/// release, table 0119); SC_IP and SC_SC (status in progress, and a scheduled refresh that
/// changes nothing). Every other pair is refused with an error naming ORC-1, never dropped.
/// </summary>
// HL7 2.5.1 4.5.1.1 (ORC-1, table 0119), 4.5.1.5 (ORC-5, table 0038); dcm4chee-arc hl7OrderSPSStatus defaults
internal static class OrderControlTable
{
    private static readonly Dictionary<(string Control, string Status), OrderAction> Table = new()
    {
        [("NW", "")] = OrderAction.Place,
        [("NW", OrderStatusCodes.Scheduled)] = OrderAction.Place,
        [("NW", OrderStatusCodes.InProcess)] = OrderAction.Place,
        [("XO", "")] = OrderAction.Change,
        [("XO", OrderStatusCodes.Scheduled)] = OrderAction.Change,
        [("XO", OrderStatusCodes.Completed)] = OrderAction.ReportStatus,
        [("CA", "")] = OrderAction.Cancel,
        [("CA", OrderStatusCodes.Cancelled)] = OrderAction.Cancel,
        [("DC", "")] = OrderAction.Discontinue,
        [("DC", OrderStatusCodes.Cancelled)] = OrderAction.Discontinue,
        [("DC", OrderStatusCodes.Discontinued)] = OrderAction.Discontinue,
        [("HD", "")] = OrderAction.Hold,
        [("HD", OrderStatusCodes.Held)] = OrderAction.Hold,
        [("RL", "")] = OrderAction.Release,
        [("RL", OrderStatusCodes.Scheduled)] = OrderAction.Release,
        [("SC", OrderStatusCodes.Scheduled)] = OrderAction.ReportStatus,
        [("SC", OrderStatusCodes.InProcess)] = OrderAction.ReportStatus,
        [("SC", OrderStatusCodes.Completed)] = OrderAction.ReportStatus,
        [("SC", OrderStatusCodes.SomeResultsAvailable)] = OrderAction.ReportStatus,
    };

    /// <summary>"NW/SC, NW/IP, ..." for error texts ("NW/" is NW with an empty ORC-5).</summary>
    public static string SupportedPairs { get; } = string.Join(", ", Table.Keys.Select(k => $"{k.Control}/{k.Status}"));

    public static bool TryResolve(string orderControl, string orderStatus, out OrderAction action) =>
        Table.TryGetValue((orderControl, orderStatus), out action);

    public static bool IsKnownControl(string orderControl) => Table.Keys.Any(k => k.Control == orderControl);
}
