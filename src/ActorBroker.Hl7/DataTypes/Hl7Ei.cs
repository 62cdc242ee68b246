namespace ActorBroker.Hl7;

/// <summary>EI, an entity identifier: EI.1 id, EI.2 namespace id (placer and filler order numbers).</summary>
// HL7 2.5.1 ch. 2A.24 (EI entity identifier)
public sealed record Hl7Ei(string Id, string Namespace)
{
    internal static Hl7Ei Read(Hl7Segment segment, int field) => new(segment.Get(field, 1), segment.Get(field, 2));
}
