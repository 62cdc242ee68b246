using ActorBroker.Dicom.CharacterSets;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The encodings of one <see cref="MwlEntry"/>'s values in the character sets it has been answered in (at most
/// <see cref="MwlEncodedEntry.MaxCharacterSets"/>), held by whoever holds the entry: the worklist index keeps one
/// beside each item, so answering it reads one field instead of looking the entry up in a weak table. Use one
/// cache with one entry only (an entry is immutable; a changed order gets a new entry and a new cache). Written
/// rarely (copy on write), read lock-free.
/// </summary>
public sealed class MwlEncodingCache
{
    private readonly Lock _lock = new();
    private volatile Slot[] _slots = [];

    /// <summary>
    /// The kept response this cache answered last: the next query of the same shape in the same character set
    /// (a scanner re-asking its worklist) finds it in one read, instead of walking character sets and shapes —
    /// with thousands of items per answer those reads miss the CPU caches, and they were most of an item's cost.
    /// </summary>
    internal MwlCachedResponse? Recent { get; set; }

    internal MwlEncodedEntry? Get(MwlEntry entry, DicomCharacterSet target)
    {
        // A modality's queries all come with the same DicomCharacterSet instance: a reference hit needs no key.
        var slots = _slots;
        foreach (var slot in slots)
        {
            if (ReferenceEquals(slot.CharacterSet, target)) return slot.Encoded;
        }

        var key = MwlEncodedEntry.KeyOf(target);
        foreach (var slot in slots)
        {
            if (string.Equals(slot.Key, key, StringComparison.Ordinal)) return slot.Encoded;
        }

        if (slots.Length >= MwlEncodedEntry.MaxCharacterSets) return null;

        // Learnt outside the lock (two threads may both learn it; the bytes are the same).
        var learnt = MwlEncodedEntry.Learn(entry, target);
        lock (_lock)
        {
            var current = _slots;
            foreach (var slot in current)
            {
                if (string.Equals(slot.Key, key, StringComparison.Ordinal)) return slot.Encoded;
            }

            if (current.Length < MwlEncodedEntry.MaxCharacterSets) _slots = [.. current, new Slot(target, key, learnt)];
        }
        return learnt;
    }

    private sealed record Slot(DicomCharacterSet CharacterSet, string Key, MwlEncodedEntry? Encoded);
}
