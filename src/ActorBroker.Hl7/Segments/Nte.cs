namespace ActorBroker.Hl7;

/// <summary>NTE, notes and comments.</summary>
// HL7 2.5.1 ch. 2.15.10 (NTE notes and comments segment)
public readonly struct Nte
{
    public Nte(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "NTE");

    public Hl7Segment Segment { get; }

    public string SetId => Segment.Get(1);

    /// <summary>NTE-2 (table 0105: L, P, O).</summary>
    public string SourceOfComment => Segment.Get(2);

    /// <summary>NTE-3 (FT), every repetition decoded and joined with a newline.</summary>
    public string Comment
    {
        get
        {
            var segment = Segment;
            var count = segment.RepetitionCount(3);
            return count <= 1 ? segment.GetText(3) : string.Join('\n', Enumerable.Range(1, count).Select(r => segment.GetText(3, r)));
        }
    }
}
