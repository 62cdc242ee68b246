using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>The segments of one order in a message: an ORC and what belongs to it up to the next ORC.</summary>
internal sealed class OrderGroup
{
    public OrderGroup(Orc orc) => Orc = orc;

    public Orc Orc { get; }

    /// <summary>1-based ORC occurrence: the group's number in locations (ORC[2]-1).</summary>
    public int Number => Orc.Segment.Occurrence;

    public Tq1? Tq1 { get; set; }

    public Obr? Obr { get; set; }

    public Zds? Zds { get; set; }

    public List<Nte> Notes { get; } = [];

    public List<Ipc> Steps { get; } = [];
}
