using System.Text.Json.Serialization;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Studies;

/// <summary>
/// A study's current state, derived only from its events: its MPPS instances (one entry per MPPS
/// UID with its latest status, first-seen order), the series they performed (one entry per series
/// UID, the latest MPPS that names it wins; a series an MPPS later drops is kept: nothing is
/// forgotten), and the orders it fulfils (every order any of its MPPS named, first-seen order).
/// Version counts applied events.
/// </summary>
// DICOM PS3.4 F.7.2 (MPPS); IHE RAD TF-2 4.6/4.7 (RAD-6/7)
public sealed record StudySnapshot(
    string StudyInstanceUid,
    IReadOnlyList<StudyMpps> Mpps,
    IReadOnlyList<StudySeries> Series,
    IReadOnlyList<OrderKey> Orders,
    long Version)
{
    /// <summary>True once an MPPS has been recorded for the study.</summary>
    [JsonIgnore]
    public bool Exists => Version > 0;

    /// <summary>The state of a study entity before its first event.</summary>
    public static StudySnapshot Empty(string studyInstanceUid) => new(studyInstanceUid, [], [], [], 0);

    public bool Equals(StudySnapshot? other) =>
        other is not null
        && StudyInstanceUid == other.StudyInstanceUid
        && Version == other.Version
        && Sequences.Equal(Mpps, other.Mpps)
        && Sequences.Equal(Series, other.Series)
        && Sequences.Equal(Orders, other.Orders);

    public override int GetHashCode() =>
        HashCode.Combine(StudyInstanceUid, Version, Sequences.Hash(Mpps), Sequences.Hash(Series), Sequences.Hash(Orders));
}
