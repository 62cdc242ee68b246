namespace ActorBroker.Domain.Worklist;

/// <summary>
/// The items of one site-local SPS start date, and the same items split by modality and by station AE title: a
/// scanner asks for its modality (or its own AE title) on a date, and that answer is one of these sub-buckets,
/// not the whole day's list. Filed under each value of a multi-valued key. Not thread-safe.
/// </summary>
internal sealed class WorklistDayBucket
{
    public WorklistDayBucket(int day) => Day = day;

    /// <summary>The site-local SPS start date of every item here (<see cref="DateOnly.DayNumber"/>).</summary>
    public int Day { get; }

    public HashSet<WorklistIndexEntry> All { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, WorklistBucket> ByModality { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, WorklistBucket> ByStation { get; } = new(StringComparer.Ordinal);

    public int Count => All.Count;

    public void Add(WorklistIndexEntry e)
    {
        All.Add(e);
        Add(ByModality, e.Entry.Modality, e, byModality: true);
        Add(ByStation, e.Entry.ScheduledStationAeTitle, e, byModality: false);
    }

    public void Remove(WorklistIndexEntry e)
    {
        All.Remove(e);
        Remove(ByModality, e.Entry.Modality, e);
        Remove(ByStation, e.Entry.ScheduledStationAeTitle, e);
    }

    private void Add(Dictionary<string, WorklistBucket> index, string value, WorklistIndexEntry e, bool byModality)
    {
        foreach (var key in WorklistSiteIndex.Keys(value))
        {
            if (!index.TryGetValue(key, out var bucket))
            {
                index[key] = bucket = byModality ? new WorklistBucket(key, null, Day) : new WorklistBucket(null, key, Day);
            }

            bucket.Add(e);
        }
    }

    private static void Remove(Dictionary<string, WorklistBucket> index, string value, WorklistIndexEntry e)
    {
        foreach (var key in WorklistSiteIndex.Keys(value))
        {
            if (index.TryGetValue(key, out var bucket))
            {
                bucket.Remove(e);
                if (bucket.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }
    }
}
