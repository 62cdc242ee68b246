using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// Splits an ORM^O01 / OMI^O23 into its patient part and its order groups. Lenient about what
/// the broker does not use (PD1, IN1, AL1, DG1, OBX, other Z-segments are skipped) and strict
/// about what changes meaning: an OBR without its own ORC is an error, not a second order
/// silently folded into the first.
/// NTE segments count as order comments when they follow the OBR (the ORM/OMI structure's
/// [NTE] after OBR); NTEs after OBX belong to the observation, before the first ORC to the patient.
/// </summary>
// HL7 2.5.1 4.4.1 (ORM^O01 structure), 4.4.6 (OMI^O23 structure); Z-segments anywhere (2.8)
internal sealed class OrderMessageReader
{
    private OrderMessageReader(string characterSet, Pid? pid, Pv1? pv1, IReadOnlyList<OrderGroup> groups, Zds? headerZds)
    {
        CharacterSet = characterSet;
        Pid = pid;
        Pv1 = pv1;
        Groups = groups;
        HeaderZds = headerZds;
    }

    /// <summary>MSH-18, first repetition, trimmed ("" when absent): kept on the order for the answers the broker sends about it.</summary>
    public string CharacterSet { get; }

    public Pid? Pid { get; }

    public Pv1? Pv1 { get; }

    public IReadOnlyList<OrderGroup> Groups { get; }

    /// <summary>A ZDS sent before the first ORC: some senders put it there; it applies when the group has none.</summary>
    public Zds? HeaderZds { get; }

    public static OrderMessageReader Read(Hl7Message message)
    {
        var characterSet = "";
        Pid? pid = null;
        Pv1? pv1 = null;
        Zds? headerZds = null;
        var groups = new List<OrderGroup>();
        OrderGroup? current = null;
        var last = "MSH"; // the last segment that is neither NTE nor a Z-segment

        foreach (var segment in message.Segments)
        {
            var id = segment.Id;
            switch (id)
            {
                case "MSH":
                    // HL7 2.5.1 2.14.9.18 MSH-18 (character set)
                    characterSet = new Msh(segment).CharacterSet.Trim();
                    continue;
                case "PID" when pid is null:
                    pid = new Pid(segment);
                    break;
                case "PV1" when pv1 is null:
                    pv1 = new Pv1(segment);
                    break;
                case "ORC":
                    current = new OrderGroup(new Orc(segment));
                    groups.Add(current);
                    break;
                case "TQ1" when current is not null:
                    current.Tq1 ??= new Tq1(segment);
                    break;
                case "OBR":
                    if (current is null)
                    {
                        throw Error(Hl7ErrorCode.SegmentSequenceError, segment.LocationOf(0), $"{segment.LocationOf(0)} comes before any ORC: every order needs its ORC");
                    }

                    if (current.Obr is { } first)
                    {
                        throw Error(
                            Hl7ErrorCode.SegmentSequenceError,
                            segment.LocationOf(0),
                            $"{segment.LocationOf(0)} follows {first.Segment.LocationOf(0)} in the same order group: each OBR needs its own ORC");
                    }

                    current.Obr = new Obr(segment);
                    break;
                case "NTE":
                    if (current is not null && last == "OBR")
                    {
                        current.Notes.Add(new Nte(segment));
                    }

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
                case "IPC":
                    if (current is null)
                    {
                        throw Error(Hl7ErrorCode.SegmentSequenceError, segment.LocationOf(0), $"{segment.LocationOf(0)} comes before any ORC");
                    }

                    current.Steps.Add(new Ipc(segment));
                    break;
            }

            if (id != "NTE" && !id.StartsWith('Z'))
            {
                last = id;
            }
        }

        return new OrderMessageReader(characterSet, pid, pv1, groups, headerZds);
    }

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
