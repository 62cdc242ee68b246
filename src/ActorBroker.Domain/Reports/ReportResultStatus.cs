namespace ActorBroker.Domain.Reports;

/// <summary>
/// The result statuses a report version can have (HL7 table 0123 for OBR-25, 0085 for OBX-11):
/// the three a radiology report goes through. Others (I, R, S, X, A, O, D ...) describe orders
/// without a report and are refused by the report mappers.
/// </summary>
// HL7 2.5.1 4.5.3.25 (OBR-25, table 0123), 7.4.2.11 (OBX-11, table 0085)
public static class ReportResultStatus
{
    public const string Preliminary = "P";
    public const string Final = "F";
    public const string Corrected = "C";

    public static bool IsSupported(string status) => status is Preliminary or Final or Corrected;
}
