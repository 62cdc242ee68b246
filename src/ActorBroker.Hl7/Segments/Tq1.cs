namespace ActorBroker.Hl7;

/// <summary>TQ1, timing/quantity (2.5 replacement of ORC-7/OBR-27).</summary>
// HL7 2.5.1 ch. 4.5.4 (TQ1 timing/quantity segment)
public readonly struct Tq1
{
    public Tq1(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "TQ1");

    public Hl7Segment Segment { get; }

    /// <summary>TQ1-7 (TS, first component).</summary>
    public string StartDateTime => Segment.Get(7);

    /// <summary>TQ1-9, first repetition, first component (S, A, R ...).</summary>
    public string Priority => Segment.Get(9);
}
