namespace ActorBroker.Domain.Orders;

/// <summary>DICOM Scheduled Procedure Step Status (0040,0020) defined terms, and which one an order state shows.</summary>
// DICOM PS3.3 C.4.10 (Scheduled Procedure Step Status defined terms)
public static class SpsStatus
{
    public const string Scheduled = "SCHEDULED";
    public const string Started = "STARTED";
    public const string Completed = "COMPLETED";
    public const string Discontinued = "DISCONTINUED";
    public const string Canceled = "CANCELED";

    /// <summary>
    /// The SPS status of an order state. DICOM has no "held": a held order's steps are still
    /// scheduled as far as a modality is concerned (whether it is listed at all is the site's
    /// WorklistStates choice). A reported order's steps were performed: COMPLETED.
    /// </summary>
    public static string For(OrderState state) => state switch
    {
        OrderState.InProgress => Started,
        OrderState.Completed or OrderState.ReportedPreliminary or OrderState.ReportedFinal or OrderState.ReportedCorrected => Completed,
        OrderState.Discontinued => Discontinued,
        OrderState.Cancelled => Canceled,
        _ => Scheduled,
    };
}
