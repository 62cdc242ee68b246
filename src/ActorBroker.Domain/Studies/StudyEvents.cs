using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Studies;

// The journaled study events (manifest "StudyMppsRecorded.v1"). Flat records, like the order events.

/// <summary>An MPPS instance's state was recorded on its study (the data of <see cref="RecordStudyMpps"/>).</summary>
public sealed record StudyMppsRecorded(
    string StudyInstanceUid,
    string MppsInstanceUid,
    string Status,
    string PerformedStationAeTitle,
    string Modality,
    string StartDateTime,
    string EndDateTime,
    IReadOnlyList<StudySeries> Series,
    IReadOnlyList<OrderKey> Orders,
    DateTimeOffset At) : IStudyEvent
{
    public bool Equals(StudyMppsRecorded? other) =>
        other is not null
        && StudyInstanceUid == other.StudyInstanceUid
        && MppsInstanceUid == other.MppsInstanceUid
        && Status == other.Status
        && PerformedStationAeTitle == other.PerformedStationAeTitle
        && Modality == other.Modality
        && StartDateTime == other.StartDateTime
        && EndDateTime == other.EndDateTime
        && At == other.At
        && Sequences.Equal(Series, other.Series)
        && Sequences.Equal(Orders, other.Orders);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(StudyInstanceUid);
        hash.Add(MppsInstanceUid);
        hash.Add(Status);
        hash.Add(PerformedStationAeTitle);
        hash.Add(Modality);
        hash.Add(StartDateTime);
        hash.Add(EndDateTime);
        hash.Add(At);
        hash.Add(Sequences.Hash(Series));
        hash.Add(Sequences.Hash(Orders));
        return hash.ToHashCode();
    }
}
