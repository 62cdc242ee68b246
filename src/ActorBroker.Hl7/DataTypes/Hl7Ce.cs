namespace ActorBroker.Hl7;

/// <summary>CE (also the first six components of CWE): code^text^system^alternate code^alternate text^alternate system.</summary>
// HL7 2.5.1 ch. 2A.8 (CE coded element), 2A.13 (CWE)
public sealed record Hl7Ce(string Code, string Text, string CodingSystem, string AlternateCode, string AlternateText, string AlternateCodingSystem)
{
    public bool IsEmpty => Code.Length == 0 && Text.Length == 0 && AlternateCode.Length == 0 && AlternateText.Length == 0;

    internal static Hl7Ce Read(Hl7Segment segment, int field, int repetition = 1) =>
        new(
            segment.Get(field, 1, 1, repetition),
            segment.Get(field, 2, 1, repetition),
            segment.Get(field, 3, 1, repetition),
            segment.Get(field, 4, 1, repetition),
            segment.Get(field, 5, 1, repetition),
            segment.Get(field, 6, 1, repetition));
}
