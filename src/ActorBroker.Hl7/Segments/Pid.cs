namespace ActorBroker.Hl7;

/// <summary>PID, patient identification.</summary>
// HL7 2.5.1 ch. 3.4.2 (PID patient identification segment)
public readonly struct Pid
{
    public Pid(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "PID");

    public Hl7Segment Segment { get; }

    /// <summary>PID-3, every repetition (the site picks the one from its assigning authority).</summary>
    public IReadOnlyList<Hl7Cx> PatientIdentifiers => Hl7Cx.ReadAll(Segment, 3);

    /// <summary>PID-5, first repetition (the legal name by convention).</summary>
    public Hl7Xpn PatientName => Hl7Xpn.Read(Segment, 5, 1);

    /// <summary>PID-5, every repetition.</summary>
    public IReadOnlyList<Hl7Xpn> PatientNames
    {
        get
        {
            var segment = Segment;
            return Enumerable.Range(1, segment.RepetitionCount(5)).Select(r => Hl7Xpn.Read(segment, 5, r)).ToArray();
        }
    }

    /// <summary>PID-7 (TS, first component), e.g. 19700214.</summary>
    public string DateOfBirth => Segment.Get(7);

    /// <summary>PID-8 (table 0001: F, M, O, U, A, N).</summary>
    public string Sex => Segment.Get(8);

    /// <summary>PID-18.1.</summary>
    public string PatientAccountNumber => Segment.Get(18);
}
