using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The pending C-FIND responses (PS3.4 K.4.1.3.1) to one set of items for one response shape and character set, kept
/// by whoever holds the items (the worklist keeps one per (modality or station, day) bucket) and handed out as one
/// array while the items are the same: a repeated query then walks one array in order instead of following each
/// item's entry, encoding cache and cached response through the heap. One shape at a time (the most recent); thread
/// safe (concurrent builders publish equal arrays).
/// </summary>
public sealed class MwlResponseSet
{
    private Snapshot? _current;

    /// <summary>
    /// The responses to <paramref name="query"/> for the <paramref name="count"/> items <paramref name="item"/> gives,
    /// in that order; <paramref name="source"/> identifies the items (by reference: a new source, new responses).
    /// </summary>
    public CFindResponse[] For(object source, MwlQuery query, DicomCharacterSet target, int count, Func<int, (MwlEntry Entry, MwlEncodingCache? Encodings)> item)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = query.ResponsePlan;
        var current = Volatile.Read(ref _current);
        if (current is not null && ReferenceEquals(current.Source, source) && ReferenceEquals(current.Target, target) && current.Plan.SameShape(plan))
        {
            return current.Responses;
        }

        var responses = Build(query, target, count, item);
        Volatile.Write(ref _current, new Snapshot(source, plan, target, responses));
        return responses;
    }

    /// <summary>The responses to <paramref name="query"/> for the <paramref name="count"/> items <paramref name="item"/> gives, in that order, made now and kept by no one.</summary>
    public static CFindResponse[] Build(MwlQuery query, DicomCharacterSet target, int count, Func<int, (MwlEntry Entry, MwlEncodingCache? Encodings)> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var responses = new CFindResponse[count];
        for (var i = 0; i < count; i++)
        {
            var (entry, encodings) = item(i);
            responses[i] = MwlResponseBuilder.Pending(query, entry, target, encodings);
        }

        return responses;
    }

    private sealed record Snapshot(object Source, MwlResponsePlan Plan, DicomCharacterSet Target, CFindResponse[] Responses);
}
