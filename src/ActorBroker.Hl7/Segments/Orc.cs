namespace ActorBroker.Hl7;

/// <summary>ORC, common order.</summary>
// HL7 2.5.1 ch. 4.5.1 (ORC common order segment)
public readonly struct Orc
{
    public Orc(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "ORC");

    public Hl7Segment Segment { get; }

    /// <summary>ORC-1 (table 0119: NW, CA, XO, SC, DC ...).</summary>
    public string OrderControl => Segment.Get(1);

    /// <summary>ORC-2.</summary>
    public Hl7Ei PlacerOrderNumber => Hl7Ei.Read(Segment, 2);

    /// <summary>ORC-3.</summary>
    public Hl7Ei FillerOrderNumber => Hl7Ei.Read(Segment, 3);

    /// <summary>ORC-5 (table 0038: A, CA, CM, DC, ER, HD, IP, RP, SC).</summary>
    public string OrderStatus => Segment.Get(5);

    /// <summary>ORC-7 as sent (TQ, deprecated since 2.5 in favour of TQ1, still what Epic sends).</summary>
    public string QuantityTiming => Segment.GetRaw(7);

    /// <summary>ORC-7.4, the start date/time of the TQ.</summary>
    public string QuantityTimingStart => Segment.Get(7, 4);

    /// <summary>ORC-7.6, the TQ priority (S, A, R, P, C, T).</summary>
    public string QuantityTimingPriority => Segment.Get(7, 6);

    /// <summary>ORC-9.</summary>
    public string DateTimeOfTransaction => Segment.Get(9);

    /// <summary>ORC-12, first repetition.</summary>
    public Hl7Xcn OrderingProvider => Hl7Xcn.Read(Segment, 12);
}
