namespace ActorBroker.Domain.Orders;

/// <summary>
/// The report result statuses the broker records (HL7 table 0123, OBR-25 / OBX-11) and the order
/// state each one leaves the order in.
/// </summary>
// HL7 2.5.1 4.5.3.25 OBR-25 (table 0123), 7.4.2.11 OBX-11 (table 0085)
public static class ResultStatusCodes
{
    public const string Preliminary = "P";
    public const string Final = "F";
    public const string Corrected = "C";

    /// <summary>P, F or C (exactly); any other status (R, S, I, X...) is not a report the broker forwards.</summary>
    public static bool TryGetReportedState(string resultStatus, out OrderState state)
    {
        state = resultStatus switch
        {
            Preliminary => OrderState.ReportedPreliminary,
            Final => OrderState.ReportedFinal,
            Corrected => OrderState.ReportedCorrected,
            _ => OrderState.None,
        };
        return state != OrderState.None;
    }
}
