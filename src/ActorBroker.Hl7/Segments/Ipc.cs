namespace ActorBroker.Hl7;

/// <summary>IPC, imaging procedure control (OMI^O23): one scheduled procedure step per segment.</summary>
// HL7 2.5.1 ch. 4.5.6 (IPC imaging procedure control segment); IHE RAD TF-2 4.4.4
public readonly struct Ipc
{
    public Ipc(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "IPC");

    public Hl7Segment Segment { get; }

    /// <summary>IPC-1, the accession.</summary>
    public Hl7Ei AccessionIdentifier => Hl7Ei.Read(Segment, 1);

    /// <summary>IPC-2.1.</summary>
    public string RequestedProcedureId => Segment.Get(2);

    /// <summary>IPC-3.1.</summary>
    public string StudyInstanceUid => Segment.Get(3);

    /// <summary>IPC-4.1.</summary>
    public string ScheduledProcedureStepId => Segment.Get(4);

    /// <summary>IPC-5.</summary>
    public string Modality => Segment.Get(5);

    /// <summary>IPC-6, first repetition.</summary>
    public Hl7Ce ProtocolCode => Hl7Ce.Read(Segment, 6);

    /// <summary>IPC-7.</summary>
    public string ScheduledStationName => Segment.Get(7);

    /// <summary>IPC-8, first repetition.</summary>
    public string ScheduledProcedureStepLocation => Segment.Get(8);

    /// <summary>IPC-9.</summary>
    public string ScheduledStationAeTitle => Segment.Get(9);
}
