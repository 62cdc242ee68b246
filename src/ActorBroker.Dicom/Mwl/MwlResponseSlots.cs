using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// Numbers every value a response can carry (the attributes of <see cref="MwlAttributes"/> plus Timezone Offset
/// From UTC) so an <see cref="MwlEncodedEntry"/> can keep them in one array, and the identifier that asks for all
/// of them at once (what <see cref="MwlEncodedEntry"/> builds to learn the encoded value of each).
/// </summary>
internal static class MwlResponseSlots
{
    /// <summary>Top-level attributes (with (0008,0201)), by tag.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, int> TopLevel;

    /// <summary>Attributes of the Scheduled Procedure Step item, by tag.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, int> SpsItem;

    /// <summary>Requested Procedure Code Sequence item attributes, by tag.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, int> RequestedProcedureCode;

    /// <summary>Scheduled Protocol Code Sequence item attributes, by tag.</summary>
    public static readonly IReadOnlyDictionary<DicomTag, int> ProtocolCode;

    /// <summary>The SPS item's slots in tag order (the whole item, for an empty SPS key).</summary>
    public static readonly int[] SpsItemInTagOrder;

    /// <summary>Code item slots in tag order (a code sequence key without a template).</summary>
    public static readonly int[] RequestedProcedureCodeInTagOrder;

    public static readonly int[] ProtocolCodeInTagOrder;

    /// <summary>Tag and VR of each slot.</summary>
    public static readonly (DicomTag Tag, DicomVR VR)[] Slots;

    /// <summary>Every key, every sequence with a full template: its response holds every slot's encoded value.</summary>
    public static readonly DicomDataset FullIdentifier;

    static MwlResponseSlots()
    {
        var slots = new List<(DicomTag, DicomVR)>();
        Dictionary<DicomTag, int> Number(IEnumerable<(DicomTag Tag, DicomVR VR)> attributes)
        {
            var map = new Dictionary<DicomTag, int>();
            foreach (var a in attributes)
            {
                map[a.Tag] = slots.Count;
                slots.Add((a.Tag, a.VR));
            }
            return map;
        }

        TopLevel = Number(MwlAttributes.TopLevel.Values.Select(a => (a.Tag, a.VR)).Append((DicomTags.TimezoneOffsetFromUTC, DicomVR.SH)));
        SpsItem = Number(MwlAttributes.SpsItem.Values.Select(a => (a.Tag, a.VR)));
        RequestedProcedureCode = Number(MwlAttributes.RequestedProcedureCode.Values.Select(a => (a.Tag, a.VR)));
        ProtocolCode = Number(MwlAttributes.ProtocolCode.Values.Select(a => (a.Tag, a.VR)));
        Slots = [.. slots];
        SpsItemInTagOrder = InTagOrder(SpsItem);
        RequestedProcedureCodeInTagOrder = InTagOrder(RequestedProcedureCode);
        ProtocolCodeInTagOrder = InTagOrder(ProtocolCode);

        var full = new DicomDataset();
        foreach (var tag in TopLevel.Keys) full.SetEmpty(tag, Slots[TopLevel[tag]].VR);
        full.SetSequence(DicomTags.RequestedProcedureCodeSequence, [Template(RequestedProcedureCode)]);
        var sps = Template(SpsItem);
        sps.SetSequence(DicomTags.ScheduledProtocolCodeSequence, [Template(ProtocolCode)]);
        full.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
        FullIdentifier = full;
    }

    private static int[] InTagOrder(IReadOnlyDictionary<DicomTag, int> map) => [.. map.OrderBy(kv => kv.Key).Select(kv => kv.Value)];

    private static DicomDataset Template(IReadOnlyDictionary<DicomTag, int> map)
    {
        var item = new DicomDataset(DicomCharacterSet.Default);
        foreach (var (tag, slot) in map) item.SetEmpty(tag, Slots[slot].VR);
        return item;
    }
}
