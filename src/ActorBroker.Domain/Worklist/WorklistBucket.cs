using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// The items of one (modality, day) or (station AE title, day): a reference set, plus the same items in result
/// order (<see cref="WorklistIndexEntry.ResultOrder"/>), sorted on the first query after a change and kept until
/// the next one. A scanner's modality + today query is answered from one such bucket, so repeated queries neither
/// sort nor hash. Changed under the index's write lock; <see cref="Sorted"/> runs under its read lock (concurrent
/// readers may both sort; they publish equal arrays). It knows what its items share (the key and the day), so a
/// query can drop the keys that these facts already decide (<see cref="MwlQuery.Residual"/>).
/// </summary>
internal sealed class WorklistBucket
{
    private readonly HashSet<WorklistIndexEntry> _set = new(ReferenceEqualityComparer.Instance);
    private WorklistIndexEntry[]? _sorted;
    private readonly MwlResponseSet _responses = new();

    public WorklistBucket(string? modality, string? stationAeTitle, int day)
    {
        Modality = modality;
        StationAeTitle = stationAeTitle;
        Day = DateOnly.FromDayNumber(day);
    }

    /// <summary>Of a (modality, day) bucket: every item has a Modality value (split at backslash, spaces trimmed) equal to this.</summary>
    public string? Modality { get; }

    /// <summary>Of a (station, day) bucket: every item has a Scheduled Station AE Title value equal to this.</summary>
    public string? StationAeTitle { get; }

    /// <summary>Every item's site-local SPS Start Date (a valid YYYYMMDD, as the day index parsed it).</summary>
    public DateOnly Day { get; }

    public int Count => _set.Count;

    public HashSet<WorklistIndexEntry> Set => _set;

    public void Add(WorklistIndexEntry e)
    {
        if (_set.Add(e))
        {
            _sorted = null;
        }
    }

    public void Remove(WorklistIndexEntry e)
    {
        if (_set.Remove(e))
        {
            _sorted = null;
        }
    }

    public WorklistIndexEntry[] Sorted()
    {
        var sorted = Volatile.Read(ref _sorted);
        if (sorted is null)
        {
            sorted = [.. _set];
            Array.Sort(sorted, WorklistIndexEntry.ResultOrder);
            Volatile.Write(ref _sorted, sorted);
        }

        return sorted;
    }

    /// <summary>
    /// The pending responses to a query that takes this bucket whole, in result order: made once per change of the
    /// bucket, response shape and character set, and then handed out as one array. A scanner's repeated query then
    /// walks one array in order instead of following each item's entry, encoding cache and cached response through
    /// the heap (dependent cache misses per item were about half of a 3,500-item answer's time). Runs under the
    /// index's read lock; concurrent readers may both build it and publish equal arrays.
    /// </summary>
    public CFindResponse[] Responses(MwlQuery query, DicomCharacterSet target)
    {
        var sorted = Sorted();
        return _responses.For(sorted, query, target, sorted.Length, i => (sorted[i].Entry, sorted[i].Encodings));
    }
}
