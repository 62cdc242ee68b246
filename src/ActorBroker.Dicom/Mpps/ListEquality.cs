namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// Element-wise equality for the list properties of the MPPS records: a record compares lists by
/// reference, but two records read from two messages (or from the journal) must be equal when their
/// content is.
/// </summary>
internal static class ListEquality
{
    public static bool Equal<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right)
    {
        if (ReferenceEquals(left, right)) return true;
        if (left is null || right is null || left.Count != right.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i])) return false;
        }
        return true;
    }

    public static int Hash<T>(IReadOnlyList<T>? list)
    {
        var hash = new HashCode();
        if (list is null) return hash.ToHashCode();
        hash.Add(list.Count);
        foreach (var item in list) hash.Add(item);
        return hash.ToHashCode();
    }
}
