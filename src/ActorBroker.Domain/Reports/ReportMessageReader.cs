using ActorBroker.Hl7;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// Splits an ORU^R01 into its report groups: each OBR with the ORC just before it (ORC is
/// optional in ORU^R01) and the OBX segments after it. Patient, visit, notes, timing, specimens and
/// Z-segments other than ZDS are skipped. Strict where meaning would change: an OBX before any
/// OBR, or an ORC not followed by its OBR, is an error rather than a guess.
/// </summary>
// HL7 2.5.1 7.3.1 (ORU^R01 structure: {[ORC] OBR [NTE] [{TQ1}] [CTD] {[OBX] [NTE]}}), 2.3.1 7.2.2
internal sealed class ReportMessageReader
{
    private ReportMessageReader(IReadOnlyList<ReportGroup> groups, Zds? headerZds)
    {
        Groups = groups;
        HeaderZds = headerZds;
    }

    public IReadOnlyList<ReportGroup> Groups { get; }

    /// <summary>A ZDS before the first OBR; it applies to groups without their own.</summary>
    public Zds? HeaderZds { get; }

    public static ReportMessageReader Read(Hl7Message message)
    {
        var groups = new List<ReportGroup>();
        ReportGroup? current = null;
        Orc? pendingOrc = null;
        Zds? headerZds = null;
        foreach (var segment in message.Segments)
        {
            switch (segment.Id)
            {
                case "PID":
                    NoOrphanOrc(pendingOrc);
                    current = null;
                    break;
                case "ORC":
                    NoOrphanOrc(pendingOrc);
                    pendingOrc = new Orc(segment);
                    current = null;
                    break;
                case "OBR":
                    current = new ReportGroup(new Obr(segment), pendingOrc);
                    pendingOrc = null;
                    groups.Add(current);
                    break;
                case "OBX":
                    if (current is null)
                    {
                        throw Error(
                            Hl7ErrorCode.SegmentSequenceError,
                            segment.LocationOf(0),
                            $"{segment.LocationOf(0)} comes before any OBR: an observation belongs to the OBR before it");
                    }

                    current.Observations.Add(new Obx(segment));
                    break;
                case "ZDS":
                    if (current is null)
                    {
                        headerZds ??= new Zds(segment);
                    }
                    else
                    {
                        current.Zds ??= new Zds(segment);
                    }

                    break;
            }
        }

        NoOrphanOrc(pendingOrc);
        return new ReportMessageReader(groups, headerZds);
    }

    private static void NoOrphanOrc(Orc? orc)
    {
        if (orc is { } o)
        {
            throw Error(
                Hl7ErrorCode.SegmentSequenceError,
                o.Segment.LocationOf(0),
                $"{o.Segment.LocationOf(0)} has no OBR: a report needs its OBR (accession OBR-18, result status OBR-25)");
        }
    }

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
