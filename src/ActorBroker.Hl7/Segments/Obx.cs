namespace ActorBroker.Hl7;

/// <summary>OBX, an observation or result (report text lines in radiology).</summary>
// HL7 2.5.1 ch. 7.4.2 (OBX observation/result segment)
public readonly struct Obx
{
    public Obx(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "OBX");

    public Hl7Segment Segment { get; }

    public string SetId => Segment.Get(1);

    /// <summary>OBX-2 (TX, FT, ST, CE ...).</summary>
    public string ValueType => Segment.Get(2);

    public Hl7Ce ObservationIdentifier => Hl7Ce.Read(Segment, 3);

    public string ObservationSubId => Segment.Get(4);

    /// <summary>OBX-5, every repetition with its escapes resolved (formatting escapes such as \.br\ stay verbatim).</summary>
    public IReadOnlyList<string> Values
    {
        get
        {
            var segment = Segment;
            var count = segment.RepetitionCount(5);
            var values = new string[count];
            for (var r = 0; r < count; r++)
            {
                values[r] = segment.GetText(5, r + 1);
            }

            return values;
        }
    }

    /// <summary>OBX-6.1.</summary>
    public string Units => Segment.Get(6);

    /// <summary>OBX-11 (table 0085: P, F, C ...).</summary>
    public string ResultStatus => Segment.Get(11);
}
