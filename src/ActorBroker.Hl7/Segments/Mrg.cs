namespace ActorBroker.Hl7;

/// <summary>MRG, merge patient information (A40 and friends).</summary>
// HL7 2.5.1 ch. 3.4.9 (MRG merge patient information segment)
public readonly struct Mrg
{
    public Mrg(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "MRG");

    public Hl7Segment Segment { get; }

    /// <summary>MRG-1, every repetition.</summary>
    public IReadOnlyList<Hl7Cx> PriorPatientIdentifiers => Hl7Cx.ReadAll(Segment, 1);

    /// <summary>MRG-5.1.</summary>
    public string PriorVisitNumber => Segment.Get(5);
}
