using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// One item as the <see cref="WorklistIndex"/> holds it: the domain's <see cref="WorklistItem"/>, its
/// <see cref="MwlEntry"/> (converted once, when the order changed, so a C-FIND only matches and encodes) and the
/// keys it is filed under. Immutable; compared by reference (the index's buckets are reference sets).
/// </summary>
public sealed class WorklistIndexEntry
{
    internal WorklistIndexEntry(OrderKey order, WorklistItem item, MwlEntry entry, int? dayNumber)
    {
        Order = order;
        Item = item;
        Entry = entry;
        DayNumber = dayNumber;
    }

    public OrderKey Order { get; }

    public WorklistItem Item { get; }

    public MwlEntry Entry { get; }

    /// <summary>SPS Start Date (site-local) as <see cref="DateOnly.DayNumber"/>; null when the step has no valid date.</summary>
    internal int? DayNumber { get; }
}
