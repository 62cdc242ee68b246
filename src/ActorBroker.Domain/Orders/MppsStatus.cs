namespace ActorBroker.Domain.Orders;

/// <summary>
/// Performed Procedure Step Status (0040,0252) defined terms. IN PROGRESS is where every MPPS
/// starts (N-CREATE); COMPLETED and DISCONTINUED are final (a later N-SET is refused).
/// </summary>
// DICOM PS3.3 C.4.14 (Performed Procedure Step Information), PS3.4 F.7.2.2 (N-SET rules)
public static class MppsStatus
{
    public const string InProgress = "IN PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Discontinued = "DISCONTINUED";

    /// <summary>One of the three defined terms, spelled exactly (upper case, one space).</summary>
    public static bool IsKnown(string status) => status is InProgress or Completed or Discontinued;

    /// <summary>COMPLETED or DISCONTINUED: the MPPS will not change again.</summary>
    public static bool IsFinal(string status) => status is Completed or Discontinued;
}
