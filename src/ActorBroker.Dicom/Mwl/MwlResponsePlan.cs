using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// The shape of every response to one query, worked out once per query instead of once per matching item: which
/// keys (in tag order, so elements are appended, never inserted), from which slot of the <see cref="MwlEncodedEntry"/>,
/// which ones are zero-length for every item, and the plans of the sequence items. It follows the query's
/// identifier exactly as <see cref="MwlResponseBuilder.BuildUncached"/> does (PS3.4 K.6.1.2.2, C.2.2.2.6).
/// <para>
/// Two identifiers that ask for the same keys (a scanner sends the same one every minute) have plans of equal
/// <see cref="Shape"/>, and an entry keeps its whole response per shape (<see cref="MwlEncodedEntry.ResponseFor"/>).
/// A query's plan is looked up by shape in a bounded table of shared plans (<see cref="Shared"/>), so the queries
/// of one shape use one plan instance and recognising it per matching item is a reference comparison.
/// </para>
/// </summary>
internal sealed class MwlResponsePlan
{
    /// <summary>Distinct shapes kept in the shared table; beyond that a query keeps its own plan (recognised per item by comparing shapes).</summary>
    public const int MaxSharedShapes = 1024;

    private static readonly ConcurrentDictionary<string, MwlResponsePlan> SharedPlans = new(StringComparer.Ordinal);

    private static readonly MwlResponsePlan WholeRequestedProcedureCode = Whole(MwlResponseSlots.RequestedProcedureCodeInTagOrder, null);
    private static readonly MwlResponsePlan WholeProtocolCode = Whole(MwlResponseSlots.ProtocolCodeInTagOrder, null);
    private static readonly MwlResponsePlan WholeSps = Whole(
        MwlResponseSlots.SpsItemInTagOrder,
        new MwlResponseStep(MwlResponseStepKind.ProtocolCode, DicomTags.ScheduledProtocolCodeSequence, Item: WholeProtocolCode));

    private readonly int _shapeHash;

    private MwlResponsePlan(MwlResponseStep[] steps, bool isShared = false)
    {
        Steps = steps;
        Shape = ShapeOf(steps);
        _shapeHash = StringComparer.Ordinal.GetHashCode(Shape);
        IsShared = isShared;
    }

    public MwlResponseStep[] Steps { get; }

    /// <summary>
    /// Every step spelled out (kind, tag, slot, a fixed element's VR, item plans): two plans of equal shape write
    /// the same bytes for the same encoded entry.
    /// </summary>
    public string Shape { get; }

    /// <summary>True for the plan instance of the shared table.</summary>
    public bool IsShared { get; }

    /// <summary>True when <paramref name="other"/> writes the same bytes for every encoded entry (the same plan, or one of equal shape).</summary>
    public bool SameShape(MwlResponsePlan other) =>
        ReferenceEquals(this, other) || (_shapeHash == other._shapeHash && string.Equals(Shape, other.Shape, StringComparison.Ordinal));

    /// <summary>
    /// The shared plan of <paramref name="plan"/>'s shape (added on first use); <paramref name="plan"/> itself,
    /// unshared, once the table holds <see cref="MaxSharedShapes"/> shapes.
    /// </summary>
    public static MwlResponsePlan Shared(MwlResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsShared) return plan;
        if (SharedPlans.TryGetValue(plan.Shape, out var shared)) return shared;
        if (SharedPlans.Count >= MaxSharedShapes) return plan;
        return SharedPlans.GetOrAdd(plan.Shape, new MwlResponsePlan(plan.Steps, isShared: true));
    }

    /// <summary>The plan of the top-level response to <paramref name="identifier"/>.</summary>
    public static MwlResponsePlan ForIdentifier(DicomDataset identifier)
    {
        var steps = new List<MwlResponseStep>();
        var characterSetAdded = false;
        foreach (var key in identifier)
        {
            var tag = key.Tag;
            if (tag == DicomTags.SpecificCharacterSet || tag.IsGroupLength || tag.Group is 0x0000 or 0x0002) continue;
            if (!characterSetAdded && tag > DicomTags.SpecificCharacterSet)
            {
                steps.Add(new MwlResponseStep(MwlResponseStepKind.CharacterSet, DicomTags.SpecificCharacterSet));
                characterSetAdded = true;
            }

            if (tag == DicomTags.ScheduledProcedureStepSequence)
            {
                var template = TemplateOf(key);
                steps.Add(new MwlResponseStep(MwlResponseStepKind.ScheduledProcedureStep, tag, Item: template is null ? WholeSps : ForSpsTemplate(template)));
            }
            else if (tag == DicomTags.RequestedProcedureCodeSequence)
            {
                steps.Add(new MwlResponseStep(MwlResponseStepKind.RequestedProcedureCode, tag, Item: ForCode(key, MwlResponseSlots.RequestedProcedureCode, WholeRequestedProcedureCode)));
            }
            else if (MwlResponseSlots.TopLevel.TryGetValue(tag, out var slot))
            {
                steps.Add(new MwlResponseStep(MwlResponseStepKind.Value, tag, slot));
            }
            else
            {
                steps.Add(Unknown(key));
            }
        }

        if (!characterSetAdded) steps.Add(new MwlResponseStep(MwlResponseStepKind.CharacterSet, DicomTags.SpecificCharacterSet));
        return new MwlResponsePlan([.. steps]);
    }

    private static MwlResponsePlan ForSpsTemplate(DicomDataset template)
    {
        var steps = new List<MwlResponseStep>();
        foreach (var key in template)
        {
            if (key.Tag == DicomTags.ScheduledProtocolCodeSequence)
                steps.Add(new MwlResponseStep(MwlResponseStepKind.ProtocolCode, key.Tag, Item: ForCode(key, MwlResponseSlots.ProtocolCode, WholeProtocolCode)));
            else if (MwlResponseSlots.SpsItem.TryGetValue(key.Tag, out var slot))
                steps.Add(new MwlResponseStep(MwlResponseStepKind.Value, key.Tag, slot));
            else
                steps.Add(Unknown(key));
        }
        return new MwlResponsePlan([.. steps]);
    }

    private static MwlResponsePlan ForCode(DicomElement key, IReadOnlyDictionary<DicomTag, int> slots, MwlResponsePlan whole)
    {
        var template = key is { IsSequence: true, Items.Count: 1 } && key.Items[0].Count > 0 ? key.Items[0] : null;
        if (template is null) return whole;
        var steps = new List<MwlResponseStep>();
        foreach (var k in template)
        {
            steps.Add(slots.TryGetValue(k.Tag, out var slot) ? new MwlResponseStep(MwlResponseStepKind.Value, k.Tag, slot) : Unknown(k));
        }
        return new MwlResponsePlan([.. steps]);
    }

    // PS3.4 C.2.2.2.6: a sequence key of one non-empty item is its template; otherwise the whole item is asked for.
    private static DicomDataset? TemplateOf(DicomElement key) => key.IsSequence && key.Items.Count == 1 && key.Items[0].Count > 0 ? key.Items[0] : null;

    // A key we hold no value for comes back zero length with its dictionary VR (as MwlResponseBuilder.PutUnknown).
    private static MwlResponseStep Unknown(DicomElement key)
    {
        var vr = key.IsSequence ? DicomVR.SQ : DicomDictionary.Lookup(key.Tag)?.Vr ?? key.VR;
        var element = vr == DicomVR.SQ ? DicomElement.Sequence(key.Tag, []) : new DicomElement(key.Tag, vr, ReadOnlyMemory<byte>.Empty);
        return new MwlResponseStep(MwlResponseStepKind.Fixed, key.Tag, Fixed: element);
    }

    private static string ShapeOf(MwlResponseStep[] steps)
    {
        var text = new StringBuilder();
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)step.Kind}:{step.Tag.Group:X4}{step.Tag.Element:X4}:{step.Slot}");
            if (step.Fixed is { } element)
            {
                // A fixed element is written as it is: its VR, value (zero length for an unknown key) and items.
                text.Append(CultureInfo.InvariantCulture, $":{element.VR.Code}:{Convert.ToHexString(element.Value.Span)}:{element.Items.Count}");
            }

            if (step.Item is { } item) text.Append('(').Append(item.Shape).Append(')');
            text.Append(';');
        }
        return text.ToString();
    }

    private static MwlResponsePlan Whole(int[] slotsInTagOrder, MwlResponseStep? sequence)
    {
        var steps = slotsInTagOrder.Select(s => new MwlResponseStep(MwlResponseStepKind.Value, MwlResponseSlots.Slots[s].Tag, s)).ToList();
        if (sequence is { } seq)
        {
            var at = steps.FindIndex(s => s.Tag > seq.Tag);
            steps.Insert(at < 0 ? steps.Count : at, seq);
        }
        return new MwlResponsePlan([.. steps]);
    }
}
