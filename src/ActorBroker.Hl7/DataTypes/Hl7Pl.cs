namespace ActorBroker.Hl7;

/// <summary>PL, a patient location: point of care^room^bed^facility (PL.4 is an HD: its first subcomponent).</summary>
// HL7 2.5.1 ch. 2A.53 (PL person location)
public sealed record Hl7Pl(string PointOfCare, string Room, string Bed, string Facility)
{
    internal static Hl7Pl Read(Hl7Segment segment, int field) =>
        new(segment.Get(field, 1), segment.Get(field, 2), segment.Get(field, 3), segment.Get(field, 4));
}
