namespace ActorBroker.Domain.Tests.Orders;

/// <summary>The states an order can be in, plus the ones the MPPS history makes different.</summary>
public enum Fixture
{
    None,
    Scheduled,
    Held,
    InProgress,
    Completed,
    ReportedPreliminary,
    ReportedFinal,
    ReportedCorrected,
    Discontinued,
    Cancelled,

    /// <summary>In progress because MPPS-1 is IN PROGRESS.</summary>
    InProgressByMpps,

    /// <summary>Completed because MPPS-1 is COMPLETED.</summary>
    CompletedByMpps,

    /// <summary>Discontinued because MPPS-1 (its only MPPS) was.</summary>
    DiscontinuedByMpps,
}
