namespace ActorBroker.Domain.Mapping;

/// <summary>What an ORC-1/ORC-5 pair asks for; see <see cref="OrderControlTable"/>.</summary>
internal enum OrderAction
{
    Place,
    Change,
    Cancel,
    Discontinue,
    Hold,
    Release,
    ReportStatus,
}
