namespace ActorBroker.Hl7;

/// <summary>PV1, patient visit.</summary>
// HL7 2.5.1 ch. 3.4.3 (PV1 patient visit segment)
public readonly struct Pv1
{
    public Pv1(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "PV1");

    public Hl7Segment Segment { get; }

    /// <summary>PV1-2 (table 0004: I, O, E ...).</summary>
    public string PatientClass => Segment.Get(2);

    /// <summary>PV1-3.</summary>
    public Hl7Pl AssignedLocation => Hl7Pl.Read(Segment, 3);

    /// <summary>PV1-7, first repetition.</summary>
    public Hl7Xcn AttendingDoctor => Hl7Xcn.Read(Segment, 7);

    /// <summary>PV1-8, first repetition.</summary>
    public Hl7Xcn ReferringDoctor => Hl7Xcn.Read(Segment, 8);

    /// <summary>PV1-19.1 (the visit id; DICOM Admission ID).</summary>
    public string VisitNumber => Segment.Get(19);
}
