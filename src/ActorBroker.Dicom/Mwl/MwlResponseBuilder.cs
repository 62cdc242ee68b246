using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Builds one C-FIND response identifier (PS3.4 K.6.1.2.2, C.4.1.1.3.2): exactly the keys of the query, filled
/// from the entry (zero length when unknown), the SPS item built from the query's item template, Specific
/// Character Set (0008,0005) describing the bytes.
/// </summary>
public static class MwlResponseBuilder
{
    /// <summary>
    /// The response for <paramref name="entry"/>. Text is encoded in <paramref name="target"/>; a value the target
    /// cannot carry is transliterated (<see cref="DicomTextTransliterator"/>), never written as wrong bytes.
    /// (0008,0005) is set to the target, and left out for the default repertoire (PS3.3 C.12.1.1.2: it is only
    /// required for other repertoires). Date/times are returned as stored, with the entry's Timezone Offset From
    /// UTC when the query asks for (0008,0201).
    /// <para>
    /// The entry's values are transliterated and encoded once per character set and kept with the entry
    /// (<see cref="MwlEncodedEntry"/>); later responses for it reuse those bytes. The result is the same dataset,
    /// byte for byte, as building it from scratch.
    /// </para>
    /// </summary>
    public static DicomDataset Build(MwlQuery query, MwlEntry entry, DicomCharacterSet target)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(target);
        var encoded = MwlEncodedEntry.For(entry, target);
        return encoded is null ? BuildUncached(query.Identifier, entry, target) : BuildCached(query.ResponsePlan, encoded, target, item: false);
    }

    /// <summary>
    /// The same response as <see cref="Build"/>, to be written by the DIMSE writer straight into the outgoing
    /// stream (<see cref="IDicomDatasetEncoder"/>): from the entry's values encoded once per character set, with no
    /// dataset built per item; byte for byte what <see cref="Build"/>'s dataset is written as. For the first
    /// <see cref="MwlEncodedEntry.MaxShapes"/> query shapes an entry is answered with, the whole response is kept
    /// with the entry's encodings and the same encoder is returned each time (no allocation, one copy to write it).
    /// </summary>
    /// <param name="query">The query.</param>
    /// <param name="entry">The matching entry.</param>
    /// <param name="target">The character set of the response.</param>
    /// <param name="cache">The entry's encodings, where its holder keeps them (else they are kept in a weak table on the entry).</param>
    public static IDicomDatasetEncoder Encoder(MwlQuery query, MwlEntry entry, DicomCharacterSet target, MwlEncodingCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(target);
        var encoded = cache is null ? MwlEncodedEntry.For(entry, target) : cache.Get(entry, target);
        return encoded is null ? new MwlEncodedResponse(BuildUncached(query.Identifier, entry, target)) : encoded.ResponseFor(query.ResponsePlan, target);
    }

    /// <summary>
    /// A pending C-FIND response (FF00, PS3.4 K.4.1.3.1) carrying <see cref="Encoder"/>'s identifier; for an entry that
    /// keeps its response to the query's shape, the same response instance each time (nothing allocated per match).
    /// </summary>
    public static CFindResponse Pending(MwlQuery query, MwlEntry entry, DicomCharacterSet target, MwlEncodingCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = query.ResponsePlan;
        if (cache?.Recent is { } recent && ReferenceEquals(recent.CharacterSet, target) && ReferenceEquals(recent.Plan, plan))
        {
            return recent.Pending;
        }

        var encoder = Encoder(query, entry, target, cache);
        if (encoder is not MwlCachedResponse cached)
        {
            return CFindResponse.Pending(encoder);
        }

        if (cache is not null && ReferenceEquals(cached.CharacterSet, target) && ReferenceEquals(cached.Plan, plan))
        {
            cache.Recent = cached;
        }

        return cached.Pending;
    }

    // PS3.4 K.6.1.2.2: the response carries the keys of the identifier (the query's plan, in tag order); values from
    // the encoded entry; items in the target character set, as the uncached path builds them.
    private static DicomDataset BuildCached(MwlResponsePlan plan, MwlEncodedEntry encoded, DicomCharacterSet target, bool item)
    {
        var ds = item ? new DicomDataset(target) : new DicomDataset();
        foreach (var step in plan.Steps)
        {
            switch (step.Kind)
            {
                case MwlResponseStepKind.CharacterSet:
                    if (encoded.CharacterSetElement is { } cs) ds.AddParsedInOrder(cs);
                    break;
                case MwlResponseStepKind.Value:
                    ds.AddParsedInOrder(encoded.Element(step.Slot));
                    break;
                case MwlResponseStepKind.Fixed:
                    ds.AddParsedInOrder(step.Fixed!);
                    break;
                case MwlResponseStepKind.ScheduledProcedureStep:
                    ds.AddParsedInOrder(DicomElement.SequenceNoCopy(step.Tag, [BuildCached(step.Item!, encoded, target, item: true)]));
                    break;
                case MwlResponseStepKind.RequestedProcedureCode:
                    // No code known: a Type 2 sequence with zero items.
                    ds.AddParsedInOrder(DicomElement.SequenceNoCopy(step.Tag, encoded.HasRequestedProcedureCode ? [BuildCached(step.Item!, encoded, target, item: true)] : []));
                    break;
                case MwlResponseStepKind.ProtocolCode:
                    ds.AddParsedInOrder(DicomElement.SequenceNoCopy(step.Tag, encoded.HasProtocolCode ? [BuildCached(step.Item!, encoded, target, item: true)] : []));
                    break;
            }
        }
        return ds;
    }

    /// <summary>The response built from scratch: every value transliterated and encoded now (and the reference for the cached path).</summary>
    internal static DicomDataset BuildUncached(DicomDataset identifier, MwlEntry entry, DicomCharacterSet target)
    {
        var response = new DicomDataset();
        if (!target.IsDefaultRepertoire) response.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, target.SpecificCharacterSet);
        foreach (var key in identifier)
        {
            var tag = key.Tag;
            if (tag == DicomTags.SpecificCharacterSet || tag.IsGroupLength || tag.Group is 0x0000 or 0x0002) continue;
            if (tag == DicomTags.ScheduledProcedureStepSequence)
            {
                var template = key.IsSequence && key.Items.Count == 1 && key.Items[0].Count > 0 ? key.Items[0] : null;
                response.SetSequence(tag, [BuildSps(template, entry, target)]);
            }
            else if (tag == DicomTags.RequestedProcedureCodeSequence)
            {
                response.SetSequence(tag, BuildCode(key, MwlAttributes.RequestedProcedureCode, entry, target));
            }
            else if (tag == DicomTags.TimezoneOffsetFromUTC)
            {
                Put(response, tag, DicomVR.SH, entry.TimezoneOffsetFromUtc, target);
            }
            else if (MwlAttributes.TopLevel.TryGetValue(tag, out var attribute))
            {
                Put(response, tag, attribute.VR, attribute.Get(entry), target);
            }
            else
            {
                PutUnknown(response, key);
            }
        }
        return response;
    }

    private static DicomDataset BuildSps(DicomDataset? template, MwlEntry entry, DicomCharacterSet target)
    {
        var item = new DicomDataset(target);
        if (template is null)
        {
            // An empty SPS key (no item, or an empty item) asks for the whole item: return all we have.
            foreach (var attribute in MwlAttributes.SpsItem.Values) Put(item, attribute.Tag, attribute.VR, attribute.Get(entry), target);
            item.SetSequence(DicomTags.ScheduledProtocolCodeSequence, BuildCode(null, MwlAttributes.ProtocolCode, entry, target));
            return item;
        }
        foreach (var key in template)
        {
            if (key.Tag == DicomTags.ScheduledProtocolCodeSequence)
                item.SetSequence(key.Tag, BuildCode(key, MwlAttributes.ProtocolCode, entry, target));
            else if (MwlAttributes.SpsItem.TryGetValue(key.Tag, out var attribute))
                Put(item, key.Tag, attribute.VR, attribute.Get(entry), target);
            else
                PutUnknown(item, key);
        }
        return item;
    }

    private static IEnumerable<DicomDataset> BuildCode(DicomElement? key, IReadOnlyDictionary<DicomTag, MwlAttribute> table, MwlEntry entry, DicomCharacterSet target)
    {
        if (table.Values.All(a => a.Get(entry).Length == 0)) return []; // no code known: a Type 2 sequence with zero items
        var template = key is { IsSequence: true, Items.Count: 1 } && key.Items[0].Count > 0 ? key.Items[0] : null;
        var item = new DicomDataset(target);
        if (template is null)
        {
            foreach (var attribute in table.Values) Put(item, attribute.Tag, attribute.VR, attribute.Get(entry), target);
        }
        else
        {
            foreach (var k in template)
            {
                if (table.TryGetValue(k.Tag, out var attribute)) Put(item, k.Tag, attribute.VR, attribute.Get(entry), target);
                else PutUnknown(item, k);
            }
        }
        return [item];
    }

    private static void Put(DicomDataset ds, DicomTag tag, DicomVR vr, string value, DicomCharacterSet target)
    {
        if (value.Length == 0)
        {
            ds.SetEmpty(tag, vr);
            return;
        }
        // Only SH/LO/ST/LT/UC/UT/PN may use the target's repertoire; the others are default repertoire (PS3.5 6.1.2.3).
        var repertoire = vr.IsCharacterSetSensitive ? target : DicomCharacterSet.Default;
        ds.Set(tag, vr, DicomTextTransliterator.ToRepertoire(value, repertoire, vr));
    }

    private static void PutUnknown(DicomDataset ds, DicomElement key)
    {
        var vr = key.IsSequence ? DicomVR.SQ : DicomDictionary.Lookup(key.Tag)?.Vr ?? key.VR;
        ds.SetEmpty(key.Tag, vr);
    }
}
