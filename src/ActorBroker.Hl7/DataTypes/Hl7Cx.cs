namespace ActorBroker.Hl7;

/// <summary>CX, an identifier with its issuer: CX.1 id, CX.4 assigning authority (its first component), CX.5 identifier type code.</summary>
// HL7 2.5.1 ch. 2A.14 (CX extended composite ID with check digit)
public sealed record Hl7Cx(string Id, string AssigningAuthority, string IdentifierTypeCode)
{
    internal static Hl7Cx Read(Hl7Segment segment, int field, int repetition) =>
        new(segment.Get(field, 1, 1, repetition), segment.Get(field, 4, 1, repetition), segment.Get(field, 5, 1, repetition));

    internal static IReadOnlyList<Hl7Cx> ReadAll(Hl7Segment segment, int field)
    {
        var count = segment.RepetitionCount(field);
        var list = new Hl7Cx[count];
        for (var r = 0; r < count; r++)
        {
            list[r] = Read(segment, field, r + 1);
        }

        return list;
    }
}
