namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The keys of an <see cref="MwlQuery"/> left to check on candidates that an index bucket already narrowed
/// (<see cref="MwlQuery.Residual"/>). <see cref="IsUniversal"/>: nothing is left, every such candidate matches,
/// so an index takes the bucket whole without looking at its items.
/// </summary>
public sealed class MwlResidualMatcher
{
    private readonly Func<MwlEntry, bool>[] _predicates;
    private readonly DateTimeMatcher? _dateTime;

    internal MwlResidualMatcher(Func<MwlEntry, bool>[] predicates, DateTimeMatcher? dateTime)
    {
        _predicates = predicates;
        _dateTime = dateTime;
    }

    public bool IsUniversal => _predicates.Length == 0 && _dateTime is null;

    /// <summary>The query's answer for a candidate that has the facts the residual was made for.</summary>
    public bool Matches(MwlEntry entry, in MwlSpsStart start)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var predicate in _predicates)
        {
            if (!predicate(entry)) return false;
        }
        return _dateTime is null || _dateTime.Matches(start);
    }
}
