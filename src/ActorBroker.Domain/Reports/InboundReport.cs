using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// One report version that arrived (one OBR group of an ORU^R01, or one referenced request of a
/// DICOM SR), not yet tied to an order: <see cref="Match"/> says how to find it, and
/// <see cref="ToCommand"/> makes the order command once it is found.
/// </summary>
public sealed record InboundReport(ReportMatch Match, MessageRef Message, ReportContent Report)
{
    /// <summary>1-based: the OBR occurrence in the ORU, or the Referenced Request Sequence item of the SR.</summary>
    public int OrderGroup { get; init; } = 1;

    /// <summary>The command for the order this report was matched to.</summary>
    public RecordReport ToCommand(OrderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new RecordReport(key, Message, Report) { OrderGroup = OrderGroup };
    }
}
