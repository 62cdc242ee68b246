using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Actors.Worklist;

/// <summary>
/// Ask the worklist actor for the items matching an MWL query (management and tests; the C-FIND provider reads
/// the <see cref="WorklistIndex"/> directly, without a mailbox hop per query).
/// </summary>
public sealed record QueryWorklist(MwlQuery Query, string? Site);

public sealed record WorklistQueryResult(IReadOnlyList<WorklistIndexEntry> Items);

public sealed record GetWorklistStatus
{
    public static GetWorklistStatus Instance { get; } = new();
}

/// <summary>Rebuilt: the journal's events up to start-up are in the index; RebuildTime is how long that took.</summary>
public sealed record WorklistStatus(bool Rebuilt, int Items, int OrdersListed, int OrdersSeen, TimeSpan? RebuildTime);
