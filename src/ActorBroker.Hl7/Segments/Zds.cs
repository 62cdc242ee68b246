namespace ActorBroker.Hl7;

/// <summary>ZDS, the de-facto (Epic, IHE-era) Z-segment carrying the Study Instance UID in ORM messages.</summary>
// IHE RAD TF-2 (2.3.1 ORM option): ZDS-1 = Study Instance UID^implementation id^Application^DICOM
public readonly struct Zds
{
    public Zds(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "ZDS");

    public Hl7Segment Segment { get; }

    /// <summary>ZDS-1.1.</summary>
    public string StudyInstanceUid => Segment.Get(1);
}
