using System.Text;

namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// What the broker keeps of one Modality Performed Procedure Step SOP Instance (keyed by its SOP Instance
/// UID, which is not repeated here). Plain values only, so the record journals as JSON: text is decoded into
/// .NET strings with the Specific Character Set the modality declared (PatientName "Núñez^José", not bytes),
/// "" stands for an attribute sent empty or not at all, dates and times are DA/TM as sent.
/// <see cref="SpecificCharacterSet"/> records the N-CREATE's (0008,0005) ("" for the default repertoire).
/// </summary>
// DICOM PS3.4 F.7.2 Table F.7.2-1 (N-CREATE, N-SET and final state attributes)
public sealed record MppsAttributes(
    string Status,
    string PerformedProcedureStepId,
    string PerformedStationAeTitle,
    string PerformedStationName,
    string PerformedLocation,
    string StartDate,
    string StartTime,
    string EndDate,
    string EndTime,
    string Modality,
    string StudyId,
    string Description,
    string PatientId,
    string PatientName,
    string PatientBirthDate,
    string PatientSex,
    string SpecificCharacterSet,
    IReadOnlyList<MppsScheduledStepRef> ScheduledSteps,
    IReadOnlyList<MppsPerformedSeries> PerformedSeries,
    MppsCode? DiscontinuationReason)
{
    /// <summary>True once the step is COMPLETED or DISCONTINUED.</summary>
    public bool IsFinal => MppsStatus.IsFinal(Status);

    // A record compares lists by reference; an instance read back from the journal must equal the one written.
    public bool Equals(MppsAttributes? other) =>
        other is not null
        && Status == other.Status
        && PerformedProcedureStepId == other.PerformedProcedureStepId
        && PerformedStationAeTitle == other.PerformedStationAeTitle
        && PerformedStationName == other.PerformedStationName
        && PerformedLocation == other.PerformedLocation
        && StartDate == other.StartDate
        && StartTime == other.StartTime
        && EndDate == other.EndDate
        && EndTime == other.EndTime
        && Modality == other.Modality
        && StudyId == other.StudyId
        && Description == other.Description
        && PatientId == other.PatientId
        && PatientName == other.PatientName
        && PatientBirthDate == other.PatientBirthDate
        && PatientSex == other.PatientSex
        && SpecificCharacterSet == other.SpecificCharacterSet
        && ListEquality.Equal(ScheduledSteps, other.ScheduledSteps)
        && ListEquality.Equal(PerformedSeries, other.PerformedSeries)
        && Equals(DiscontinuationReason, other.DiscontinuationReason);

    // ToString leaves out the patient's name, ID, birth date and sex: a logged outcome must not carry them.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Status = ").Append(Status)
            .Append(", PerformedProcedureStepId = ").Append(PerformedProcedureStepId)
            .Append(", PerformedStationAeTitle = ").Append(PerformedStationAeTitle)
            .Append(", Modality = ").Append(Modality)
            .Append(", Start = ").Append(StartDate).Append(' ').Append(StartTime)
            .Append(", End = ").Append(EndDate).Append(' ').Append(EndTime)
            .Append(", ScheduledSteps = ").Append(ScheduledSteps.Count)
            .Append(", PerformedSeries = ").Append(PerformedSeries.Count)
            .Append(", DiscontinuationReason = ").Append(DiscontinuationReason?.CodeValue);
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Status);
        hash.Add(PerformedProcedureStepId);
        hash.Add(PerformedStationAeTitle);
        hash.Add(StartDate);
        hash.Add(StartTime);
        hash.Add(EndDate);
        hash.Add(EndTime);
        hash.Add(Modality);
        hash.Add(PatientId);
        hash.Add(PatientName);
        hash.Add(ListEquality.Hash(ScheduledSteps));
        hash.Add(ListEquality.Hash(PerformedSeries));
        hash.Add(DiscontinuationReason);
        return hash.ToHashCode();
    }
}
