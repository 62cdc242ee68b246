namespace ActorBroker.Hl7;

/// <summary>OBR, observation request (the imaging procedure).</summary>
// HL7 2.5.1 ch. 4.5.3 (OBR observation request segment); IHE RAD TF-2 4.4 (OBR field usage)
public readonly struct Obr
{
    public Obr(Hl7Segment segment) => Segment = SegmentGuard.Require(segment, "OBR");

    public Hl7Segment Segment { get; }

    public string SetId => Segment.Get(1);

    public Hl7Ei PlacerOrderNumber => Hl7Ei.Read(Segment, 2);

    public Hl7Ei FillerOrderNumber => Hl7Ei.Read(Segment, 3);

    /// <summary>OBR-4, the procedure code.</summary>
    public Hl7Ce UniversalServiceId => Hl7Ce.Read(Segment, 4);

    public string Priority => Segment.Get(5);

    public string RequestedDateTime => Segment.Get(6);

    public string ObservationDateTime => Segment.Get(7);

    /// <summary>OBR-16, first repetition.</summary>
    public Hl7Xcn OrderingProvider => Hl7Xcn.Read(Segment, 16);

    /// <summary>OBR-18: the accession number in IHE radiology.</summary>
    public string PlacerField1 => Segment.Get(18);

    /// <summary>OBR-19: the requested procedure id in IHE radiology.</summary>
    public string PlacerField2 => Segment.Get(19);

    /// <summary>OBR-20: the scheduled procedure step id in IHE radiology.</summary>
    public string FillerField1 => Segment.Get(20);

    public string FillerField2 => Segment.Get(21);

    /// <summary>OBR-22, results report/status change date/time.</summary>
    public string ResultsStatusChangeDateTime => Segment.Get(22);

    /// <summary>OBR-24 (table 0074: CT, MR, US ...), the modality in practice.</summary>
    public string DiagnosticServiceSectionId => Segment.Get(24);

    /// <summary>OBR-25 (table 0123: P, F, C ...).</summary>
    public string ResultStatus => Segment.Get(25);

    /// <summary>OBR-27.4, the TQ start date/time.</summary>
    public string QuantityTimingStart => Segment.Get(27, 4);

    /// <summary>OBR-27.6, the TQ priority.</summary>
    public string QuantityTimingPriority => Segment.Get(27, 6);

    /// <summary>OBR-31, first repetition: the CE text (component 2), else its code (component 1) as free-text senders put it there.</summary>
    public string ReasonForStudy
    {
        get
        {
            var text = Segment.Get(31, 2);
            return text.Length > 0 ? text : Segment.Get(31, 1);
        }
    }
}
