using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Studies;

/// <summary>
/// One MPPS instance of a study as the study keeps it: its latest status (IN PROGRESS, COMPLETED,
/// DISCONTINUED), where and when it ran (DA+TM as sent, "" when absent), the series it performed
/// and the orders it performs (one MPPS may perform several orders: grouped procedures).
/// UpdatedAt is when the broker recorded its latest status.
/// </summary>
// DICOM PS3.3 C.4.13-C.4.17 (MPPS modules), PS3.4 F.7.2
public sealed record StudyMpps(
    string MppsInstanceUid,
    string Status,
    string PerformedStationAeTitle,
    string Modality,
    string StartDateTime,
    string EndDateTime,
    IReadOnlyList<string> SeriesInstanceUids,
    IReadOnlyList<OrderKey> Orders,
    DateTimeOffset UpdatedAt)
{
    // Records compare lists by reference; a snapshot rebuilt from the journal must equal the live one.
    public bool Equals(StudyMpps? other) =>
        other is not null
        && MppsInstanceUid == other.MppsInstanceUid
        && Status == other.Status
        && PerformedStationAeTitle == other.PerformedStationAeTitle
        && Modality == other.Modality
        && StartDateTime == other.StartDateTime
        && EndDateTime == other.EndDateTime
        && UpdatedAt == other.UpdatedAt
        && Sequences.Equal(SeriesInstanceUids, other.SeriesInstanceUids)
        && Sequences.Equal(Orders, other.Orders);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(MppsInstanceUid);
        hash.Add(Status);
        hash.Add(PerformedStationAeTitle);
        hash.Add(Modality);
        hash.Add(StartDateTime);
        hash.Add(EndDateTime);
        hash.Add(UpdatedAt);
        hash.Add(Sequences.Hash(SeriesInstanceUids));
        hash.Add(Sequences.Hash(Orders));
        return hash.ToHashCode();
    }
}
