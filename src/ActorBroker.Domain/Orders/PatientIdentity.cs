namespace ActorBroker.Domain.Orders;

/// <summary>
/// Who the order is for, already in DICOM form: PatientName is a PN string
/// (family^given^middle^prefix^suffix), BirthDate a DA (YYYYMMDD, or "" when unknown or not a
/// full date), Sex a DICOM CS (M, F, O, or "" when unknown).
/// </summary>
// DICOM PS3.3 C.7.1.1 (Patient Module), PS3.5 6.2 (PN, DA, CS)
public sealed record PatientIdentity(
    string PatientId,
    string IssuerOfPatientId,
    IReadOnlyList<OtherPatientId> OtherPatientIds,
    string PatientName,
    string BirthDate,
    string Sex)
{
    // A record compares lists by reference; two identities read from two messages must compare
    // equal when their content is the same (that is how a resent NW is recognised).
    public bool Equals(PatientIdentity? other) =>
        other is not null
        && PatientId == other.PatientId
        && IssuerOfPatientId == other.IssuerOfPatientId
        && PatientName == other.PatientName
        && BirthDate == other.BirthDate
        && Sex == other.Sex
        && Sequences.Equal(OtherPatientIds, other.OtherPatientIds);

    public override int GetHashCode() =>
        HashCode.Combine(PatientId, IssuerOfPatientId, PatientName, BirthDate, Sex, Sequences.Hash(OtherPatientIds));
}
