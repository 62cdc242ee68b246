namespace ActorBroker.Domain.Worklist;

/// <summary>
/// How one site answers a query: the index (<see cref="WorklistIndexKind"/>), how many candidates it checks, and
/// the index's buckets that hold them (disjoint; enumerated under the index's read lock). <see cref="Ordered"/>
/// is set when the candidates are (modality or station, day) buckets, in day order: then each bucket's sorted
/// items are read in turn instead of hashing and sorting.
/// </summary>
internal readonly record struct WorklistSitePlan(
    WorklistIndexKind Kind,
    int Count,
    IReadOnlyList<HashSet<WorklistIndexEntry>> Buckets,
    IReadOnlyList<WorklistBucket>? Ordered = null);
