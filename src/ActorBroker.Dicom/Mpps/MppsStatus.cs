namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// The defined terms of Performed Procedure Step Status (0040,0252). An instance is created IN PROGRESS and
/// ends COMPLETED or DISCONTINUED; both ends are final (PS3.4 F.1.5 Table F.1-3, F.7.2.2.2).
/// </summary>
// DICOM PS3.3 C.4.14, PS3.4 F.1.5
public static class MppsStatus
{
    public const string InProgress = "IN PROGRESS";

    public const string Completed = "COMPLETED";

    public const string Discontinued = "DISCONTINUED";

    /// <summary>One of the three defined terms (case-sensitive: CS values are upper case, PS3.5 6.2).</summary>
    public static bool IsDefined(string? status) => status is InProgress or Completed or Discontinued;

    /// <summary>COMPLETED or DISCONTINUED: the instance may no longer be updated (PS3.4 F.7.2.2.3).</summary>
    public static bool IsFinal(string? status) => status is Completed or Discontinued;
}
