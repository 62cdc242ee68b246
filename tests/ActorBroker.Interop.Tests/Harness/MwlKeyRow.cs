namespace ActorBroker.Interop.Tests.Harness;

/// <summary>The key attributes of one worklist item that the MWL differential test compares between two SCPs.</summary>
internal sealed record MwlKeyRow(
    string Accession,            // (0008,0050)
    string PatientId,            // (0010,0020)
    string PatientName,          // (0010,0010)
    string SpsStartDate,         // (0040,0100)[0] (0040,0002)
    string SpsStartTime,         // (0040,0100)[0] (0040,0003)
    string Modality,             // (0040,0100)[0] (0008,0060)
    string StationAe,            // (0040,0100)[0] (0040,0001)
    string SpsId,                // (0040,0100)[0] (0040,0009)
    string StudyUid,             // (0020,000D)
    string RequestedProcedureId) // (0040,1001)
{
    public override string ToString() => $"{Accession}|{PatientId}|{PatientName}|{SpsStartDate} {SpsStartTime}|{Modality}@{StationAe}|{SpsId}|{RequestedProcedureId}|{StudyUid}";
}
