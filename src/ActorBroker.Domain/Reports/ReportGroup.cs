using ActorBroker.Hl7;

namespace ActorBroker.Domain.Reports;

/// <summary>The segments of one report in an ORU^R01: an OBR, the ORC before it (optional in ORU), its OBXs and ZDS.</summary>
internal sealed class ReportGroup
{
    public ReportGroup(Obr obr, Orc? orc)
    {
        Obr = obr;
        Orc = orc;
    }

    public Obr Obr { get; }

    public Orc? Orc { get; }

    /// <summary>1-based OBR occurrence: the group's number in locations (OBR[2]-25).</summary>
    public int Number => Obr.Segment.Occurrence;

    public Zds? Zds { get; set; }

    public List<Obx> Observations { get; } = [];
}
