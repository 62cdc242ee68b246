namespace ActorBroker.Hl7;

/// <summary>MSH, the message header (HD fields give their first component, the namespace id).</summary>
// HL7 2.5.1 ch. 2.15.9 (MSH message header segment)
public readonly struct Msh
{
    public Msh(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "MSH");

    public Hl7Segment Segment { get; }

    public string SendingApplication => Segment.Get(3);

    public string SendingFacility => Segment.Get(4);

    public string ReceivingApplication => Segment.Get(5);

    public string ReceivingFacility => Segment.Get(6);

    /// <summary>MSH-7 (TS, first component), parse with <see cref="Hl7Timestamp"/>.</summary>
    public string DateTimeOfMessage => Segment.Get(7);

    public string MessageType => Segment.Get(9, 1);

    public string TriggerEvent => Segment.Get(9, 2);

    public string MessageStructure => Segment.Get(9, 3);

    public string MessageControlId => Segment.Get(10);

    public string ProcessingId => Segment.Get(11);

    public string VersionId => Segment.Get(12);

    public string AcceptAckType => Segment.Get(15);

    public string ApplicationAckType => Segment.Get(16);

    /// <summary>MSH-18, first repetition (the message's default character set).</summary>
    public string CharacterSet => Segment.Get(18);
}
