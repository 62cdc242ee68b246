using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// One site's items and their secondary indexes: SPS start date (site-local, as a sorted day set for ranges, each
/// day split by modality and by station AE title), modality, station AE title, accession number and patient ID.
/// Each bucket is a reference set, so adding and removing an item is O(1) per key however large the bucket. Not
/// thread-safe: <see cref="WorklistIndex"/> locks.
/// </summary>
internal sealed class WorklistSiteIndex
{
    // PS3.4 C.2.2.2.5 range matching allows query dates in another Timezone Offset From UTC (0008,0201): the
    // entry's local date can then differ from the query's by up to 26 h (+14:00 vs -12:00), i.e. two days.
    private const int OtherTimezoneSlackDays = 2;

    private readonly HashSet<WorklistIndexEntry> _all = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, WorklistDayBucket> _byDay = [];
    private readonly SortedSet<int> _days = [];
    private readonly Dictionary<string, HashSet<WorklistIndexEntry>> _byModality = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<WorklistIndexEntry>> _byStation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<WorklistIndexEntry>> _byAccession = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<WorklistIndexEntry>> _byPatientId = new(StringComparer.Ordinal);

    public WorklistSiteIndex(string site) => Site = site;

    public string Site { get; }

    public int Count => _all.Count;

    public void Add(WorklistIndexEntry e)
    {
        _all.Add(e);
        if (e.DayNumber is { } day)
        {
            if (!_byDay.TryGetValue(day, out var bucket))
            {
                _byDay[day] = bucket = new WorklistDayBucket(day);
                _days.Add(day);
            }

            bucket.Add(e);
        }

        AddKeys(_byModality, e.Entry.Modality, e);
        AddKeys(_byStation, e.Entry.ScheduledStationAeTitle, e);
        AddKeys(_byAccession, e.Entry.AccessionNumber, e);
        AddKeys(_byPatientId, e.Entry.PatientId, e);
    }

    public void Remove(WorklistIndexEntry e)
    {
        _all.Remove(e);
        if (e.DayNumber is { } day && _byDay.TryGetValue(day, out var bucket))
        {
            bucket.Remove(e);
            if (bucket.Count == 0)
            {
                _byDay.Remove(day);
                _days.Remove(day);
            }
        }

        RemoveKeys(_byModality, e.Entry.Modality, e);
        RemoveKeys(_byStation, e.Entry.ScheduledStationAeTitle, e);
        RemoveKeys(_byAccession, e.Entry.AccessionNumber, e);
        RemoveKeys(_byPatientId, e.Entry.PatientId, e);
    }

    /// <summary>Items whose Scheduled Station AE Title is this one (for a modality's status).</summary>
    public int CountForStation(string aeTitle) => _byStation.TryGetValue(aeTitle, out var set) ? set.Count : 0;

    /// <summary>
    /// The narrowest candidate set the query's single-value keys select: <c>Kind</c> names the narrowest single-key
    /// index; when the query also has a date (range) and a modality or station AE title, a Date, Modality or
    /// StationAeTitle answer is narrowed further to those (key, day) buckets — a scanner's modality + today query
    /// checks exactly that modality's items of that day. Every key used is one that <see cref="MwlQuery.Matches"/>
    /// checks too, so narrowing never changes the answer, only the work. The buckets are the index's own sets:
    /// enumerate them under the same read lock.
    /// </summary>
    public WorklistSitePlan Plan(MwlQuery q)
    {
        var best = new WorklistSitePlan(WorklistIndexKind.Scan, _all.Count, [_all]);
        Consider(ref best, WorklistIndexKind.Accession, _byAccession, q.AccessionNumber);
        Consider(ref best, WorklistIndexKind.PatientId, _byPatientId, q.PatientId);
        Consider(ref best, WorklistIndexKind.StationAeTitle, _byStation, q.StationAeTitle);
        Consider(ref best, WorklistIndexKind.Modality, _byModality, q.Modality);
        if (q.DateFrom is null && q.DateTo is null)
        {
            return best;
        }

        var slack = q.TimezoneOffsetFromUtc is null ? 0 : OtherTimezoneSlackDays;
        var from = q.DateFrom is { } f ? f.DayNumber - slack : int.MinValue;
        var to = q.DateTo is { } t ? t.DayNumber + slack : int.MaxValue;

        // Materialise the days now: a view of a SortedSet is invalidated by any change.
        var days = new List<WorklistDayBucket>();
        var count = 0;
        foreach (var d in _days.Count == 0 || from > to ? [] : _days.GetViewBetween(from, to))
        {
            var bucket = _byDay[d];
            days.Add(bucket);
            count += bucket.Count;
        }

        if (count < best.Count)
        {
            best = new WorklistSitePlan(WorklistIndexKind.Date, count, [.. days.Select(b => b.All)]);
        }

        if (best.Kind is WorklistIndexKind.Date or WorklistIndexKind.Modality or WorklistIndexKind.StationAeTitle)
        {
            Narrow(ref best, days, static b => b.ByModality, q.Modality);
            Narrow(ref best, days, static b => b.ByStation, q.StationAeTitle);
        }

        return best;
    }

    // A multi-valued string (SH, LO, CS, AE) matches when any of its values does (TextMatcher splits on '\'),
    // so an item is filed under each of its values.
    private static void AddKeys(Dictionary<string, HashSet<WorklistIndexEntry>> index, string value, WorklistIndexEntry e)
    {
        foreach (var key in Keys(value))
        {
            if (!index.TryGetValue(key, out var set))
            {
                index[key] = set = new HashSet<WorklistIndexEntry>(ReferenceEqualityComparer.Instance);
            }

            set.Add(e);
        }
    }

    private static void RemoveKeys(Dictionary<string, HashSet<WorklistIndexEntry>> index, string value, WorklistIndexEntry e)
    {
        foreach (var key in Keys(value))
        {
            if (index.TryGetValue(key, out var set))
            {
                set.Remove(e);
                if (set.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }
    }

    private static void Consider(
        ref WorklistSitePlan best,
        WorklistIndexKind kind,
        Dictionary<string, HashSet<WorklistIndexEntry>> index,
        string? key)
    {
        if (key is null)
        {
            return;
        }

        // TextMatcher trims spaces on both sides (PS3.5 6.2: trailing spaces are padding), and so do our keys.
        var set = index.TryGetValue(key.Trim(' '), out var s) ? s : null;
        var count = set?.Count ?? 0;
        if (count < best.Count)
        {
            best = new WorklistSitePlan(kind, count, set is null ? [] : [set]);
        }
    }

    // The (key, day) buckets of the query's days: items of those days filed under that modality or station.
    private static void Narrow(
        ref WorklistSitePlan best,
        List<WorklistDayBucket> days,
        Func<WorklistDayBucket, Dictionary<string, WorklistBucket>> index,
        string? key)
    {
        if (key is null)
        {
            return;
        }

        var trimmed = key.Trim(' ');
        var buckets = new List<WorklistBucket>();
        var count = 0;
        foreach (var day in days)
        {
            if (index(day).TryGetValue(trimmed, out var bucket))
            {
                buckets.Add(bucket);
                count += bucket.Count;
            }
        }

        if (count < best.Count)
        {
            best = best with { Count = count, Buckets = [.. buckets.Select(b => b.Set)], Ordered = buckets };
        }
    }

    internal static IEnumerable<string> Keys(string value)
    {
        if (value.Length == 0)
        {
            yield break;
        }

        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            yield return value.Trim(' ');
            yield break;
        }

        foreach (var part in value.Split('\\'))
        {
            var key = part.Trim(' ');
            if (key.Length > 0)
            {
                yield return key;
            }
        }
    }
}
