using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Studies;

/// <summary>
/// Record an MPPS instance's current state on its study (sent by the study entity that holds the MPPS after an N-CREATE
/// or N-SET): status, station, modality, start/end (DA+TM as sent), the performed series as the
/// MPPS now lists them, the orders it performs (from the Scheduled Step Attributes Sequence) and
/// when the broker received it.
/// </summary>
// DICOM PS3.4 F.7.2 (N-CREATE / N-SET), PS3.3 C.4.14-C.4.17
public sealed record RecordStudyMpps(
    string StudyInstanceUid,
    string MppsInstanceUid,
    string Status,
    string PerformedStationAeTitle,
    string Modality,
    string StartDateTime,
    string EndDateTime,
    IReadOnlyList<StudySeries> Series,
    IReadOnlyList<OrderKey> Orders,
    DateTimeOffset At)
{
    public bool Equals(RecordStudyMpps? other) =>
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
