namespace ActorBroker.Dicom.Sr;

/// <summary>
/// One node of an SR content tree. <see cref="Value"/> holds the item's value as text: TEXT its
/// text, NUM the numeric value, DATE/TIME/DATETIME/PNAME/UIDREF the value as stored, IMAGE and
/// COMPOSITE the referenced SOP Instance UID; empty for CONTAINER. <see cref="Code"/> is the
/// concept code of a CODE item or the unit of a NUM item. A by-reference item (Comprehensive SR)
/// has value type "" and <see cref="ReferencedContentItem"/> set ("1.2.3": the path of the target).
/// </summary>
// DICOM PS3.3 C.17.3 (SR Document Content Module), Table C.17-6 (value types), C.18 (content item macros)
public sealed record SrContentItem(
    string RelationshipType,
    string ValueType,
    SrCode? ConceptName,
    string Value,
    SrCode? Code,
    IReadOnlyList<SrContentItem> Children)
{
    /// <summary>For a by-reference relationship: the Referenced Content Item Identifier, dot-separated; else "".</summary>
    public string ReferencedContentItem { get; init; } = "";

    /// <summary>The concept name as a reader sees it ("" when the item has none).</summary>
    public string Concept => ConceptName?.Display ?? "";

    /// <summary>This item and every descendant, depth first in document order.</summary>
    public IEnumerable<SrContentItem> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var item in child.DescendantsAndSelf())
            {
                yield return item;
            }
        }
    }
}
