using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// The in-memory Modality Worklist: every listed Scheduled Procedure Step, per site, indexed by site-local SPS
/// start date, modality, station AE title, accession number and patient ID. A query picks the narrowest index
/// its single-value keys allow and runs <see cref="MwlQuery.Matches"/> on those candidates only (on a (modality or
/// station, day) bucket only the keys the bucket does not decide, <see cref="MwlQuery.Residual"/>; a bucket they
/// all accept is taken whole), so the answer is exactly a full scan's, at the cost of a bucket.
/// <para>
/// Concurrency (a decision): one writer (the worklist actor, applying order events) and many readers (the
/// C-FIND provider on each association's task, with no actor hop) share it behind a reader-writer lock. A write
/// is a few dictionary operations (microseconds); a query holds the read lock only while it selects its matches
/// (references to immutable entries) and never while it encodes or sends them. Publishing immutable snapshots
/// instead would cost a full copy, or persistent-collection lookups on every query, for each of the ~100,000
/// changes of a rebuild; the lock costs tens of nanoseconds uncontended.
/// </para>
/// </summary>
public sealed class WorklistIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, WorklistSiteIndex> _sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<OrderKey, WorklistIndexEntry[]> _byOrder = [];
    private int _count;
    private volatile bool _complete;

    /// <summary>
    /// True once the index holds every order of the journal (its writer's rebuild is done). Until then a query would
    /// get a partial worklist: the C-FIND provider refuses it instead, so a scanner never shows a day with patients
    /// missing after a restart.
    /// </summary>
    public bool IsComplete => _complete;

    /// <summary>Items listed (all sites).</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Orders with at least one listed item.</summary>
    public int OrderCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _byOrder.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>
    /// Replaces the order's items (from <see cref="WorklistProjection.ItemsFor"/>, which already applies the site's
    /// worklist states). No items removes the order. The MwlEntry conversion happens here, outside the lock.
    /// </summary>
    public void Upsert(OrderKey order, IReadOnlyList<WorklistItem> items)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            Remove(order);
            return;
        }

        var entries = new WorklistIndexEntry[items.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var item = items[i];
            entries[i] = new WorklistIndexEntry(order, item, WorklistMwlMapping.ToMwlEntry(item), DayNumber(item.SpsStartDate));
        }

        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(order);
            var site = SiteLocked(order.Site);
            foreach (var e in entries)
            {
                site.Add(e);
            }

            _byOrder[order] = entries;
            _count += entries.Length;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(OrderKey order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _lock.EnterWriteLock();
        try
        {
            RemoveLocked(order);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The rebuild is done: the index is complete until the next <see cref="Clear"/>.</summary>
    public void MarkComplete() => _complete = true;

    /// <summary>Empties the index (a rebuild from the journal starts here): incomplete until <see cref="MarkComplete"/>.</summary>
    public void Clear()
    {
        _lock.EnterWriteLock();
        try
        {
            _complete = false;
            _sites.Clear();
            _byOrder.Clear();
            _count = 0;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The items matching <paramref name="query"/> at <paramref name="site"/> (every site when null), ordered by
    /// start time, accession and SPS ID. The list is the caller's; the entries are immutable.
    /// </summary>
    public IReadOnlyList<WorklistIndexEntry> Query(MwlQuery query, string? site = null) => Select(query, site, target: null).Matches;

    /// <summary>
    /// The pending C-FIND responses (PS3.4 K.4.1.3.1: one per item) to <paramref name="query"/> at
    /// <paramref name="site"/> in <paramref name="target"/>, in <see cref="Query"/>'s order. When the answer is one
    /// (modality or station, day) bucket taken whole (a scanner's "my modality, today"), the bucket's kept array of
    /// responses is returned as it is; otherwise each match's response is looked up from its own cache.
    /// </summary>
    public IReadOnlyList<CFindResponse> Responses(MwlQuery query, DicomCharacterSet target, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (matches, whole) = Select(query, site, target);
        return whole ?? MwlResponseSet.Build(query, target, matches.Count, i => (matches[i].Entry, matches[i].Encodings));
    }

    // The matches, sorted; or, when the caller wants responses in target and the answer is one bucket taken whole,
    // that bucket's kept responses instead (no list of matches at all).
    private (List<WorklistIndexEntry> Matches, CFindResponse[]? Whole) Select(MwlQuery query, string? site, DicomCharacterSet? target)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = new List<WorklistIndexEntry>();
        var sorted = false;
        _lock.EnterReadLock();
        try
        {
            var plans = SitesLocked(site).Select(s => s.Plan(query)).ToList();
            if (plans is [{ Ordered: { } ordered } only])
            {
                // (key, day) buckets in day order, each read in result order: the matches come out sorted,
                // unless an item's start instant falls before one of an earlier day (other timezone offsets).
                // Each bucket's key and day decide some of the query's keys for all its items: only the rest are
                // matched, and a bucket the query's remaining keys all accept is taken whole.
                foreach (var bucket in ordered)
                {
                    var residual = query.Residual(bucket.Modality, bucket.StationAeTitle, bucket.Day);
                    if (residual.IsUniversal && target is not null && ordered.Count == 1)
                    {
                        return (matches, bucket.Responses(query, target));
                    }

                    matches.EnsureCapacity(only.Count);
                    var sortedItems = bucket.Sorted();
                    if (residual.IsUniversal)
                    {
                        matches.AddRange(sortedItems);
                        continue;
                    }

                    foreach (var e in sortedItems)
                    {
                        if (residual.Matches(e.Entry, e.SpsStart))
                        {
                            matches.Add(e);
                        }
                    }
                }

                sorted = ordered.Count <= 1 || IsSorted(matches);
            }
            else
            {
                foreach (var plan in plans)
                {
                    foreach (var bucket in plan.Buckets)
                    {
                        foreach (var e in bucket)
                        {
                            if (query.Matches(e.Entry, e.SpsStart))
                            {
                                matches.Add(e);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        if (!sorted)
        {
            matches.Sort(WorklistIndexEntry.ResultOrder);
        }

        return (matches, null);
    }

    /// <summary>Which index <see cref="Query"/> uses for each site, and how many candidates it checks (diagnostics, tests).</summary>
    public WorklistQueryPlan Plan(MwlQuery query, string? site = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        _lock.EnterReadLock();
        try
        {
            return new WorklistQueryPlan(SitesLocked(site).Select(s =>
            {
                var p = s.Plan(query);
                return (s.Site, p.Kind, p.Count);
            }).ToList());
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Items listed for a Scheduled Station AE Title at a site.</summary>
    public int CountForStation(string site, string aeTitle)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(aeTitle);
        _lock.EnterReadLock();
        try
        {
            return _sites.TryGetValue(site, out var s) ? s.CountForStation(aeTitle) : 0;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The items of every site, unordered (for a brute-force comparison or an export).</summary>
    public IReadOnlyList<WorklistIndexEntry> All()
    {
        _lock.EnterReadLock();
        try
        {
            return _byOrder.Values.SelectMany(e => e).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public void Dispose() => _lock.Dispose();

    // PS3.5 6.2 DA (YYYYMMDD), parsed as the matcher parses it: an entry the date index leaves out must be one
    // that no date key can match.
    private static int? DayNumber(string date)
    {
        var s = date.Trim();
        return s.Length == 8 && s.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(s, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d.DayNumber
            : null;
    }

    private static bool IsSorted(List<WorklistIndexEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (WorklistIndexEntry.ResultOrder.Compare(entries[i - 1], entries[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private void RemoveLocked(OrderKey order)
    {
        if (!_byOrder.Remove(order, out var old))
        {
            return;
        }

        var site = SiteLocked(order.Site);
        foreach (var e in old)
        {
            site.Remove(e);
        }

        _count -= old.Length;
    }

    private WorklistSiteIndex SiteLocked(string site)
    {
        if (!_sites.TryGetValue(site, out var s))
        {
            _sites[site] = s = new WorklistSiteIndex(site);
        }

        return s;
    }

    private IEnumerable<WorklistSiteIndex> SitesLocked(string? site)
    {
        if (site is null)
        {
            return _sites.Values;
        }

        return _sites.TryGetValue(site, out var s) ? [s] : [];
    }
}
