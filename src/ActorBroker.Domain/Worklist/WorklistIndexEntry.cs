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
        StartUtcTicks = item.StartInstant.UtcTicks;
        SpsStart = MwlSpsStart.Of(entry);
    }

    /// <summary>
    /// The order of query results: SPS start instant, then accession number, then SPS ID (ordinal), so a scanner
    /// lists its day chronologically and two queries list ties alike.
    /// </summary>
    internal static Comparer<WorklistIndexEntry> ResultOrder { get; } = Comparer<WorklistIndexEntry>.Create(static (a, b) =>
    {
        var c = a.StartUtcTicks.CompareTo(b.StartUtcTicks);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Item.AccessionNumber, b.Item.AccessionNumber);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Item.SpsId, b.Item.SpsId);
    });

    public OrderKey Order { get; }

    public WorklistItem Item { get; }

    public MwlEntry Entry { get; }

    /// <summary><see cref="Entry"/>'s responses encoded per character set, kept here so that answering the item reads a field.</summary>
    public MwlEncodingCache Encodings { get; } = new();

    /// <summary><see cref="Entry"/>'s SPS start date/time/offset parsed once, for date/time range matching.</summary>
    internal MwlSpsStart SpsStart { get; }

    /// <summary>SPS Start Date (site-local) as <see cref="DateOnly.DayNumber"/>; null when the step has no valid date.</summary>
    internal int? DayNumber { get; }

    /// <summary><see cref="WorklistItem.StartInstant"/> in UTC ticks: the sort key of query results (DateTimeOffset compares by this instant).</summary>
    internal long StartUtcTicks { get; }
}
