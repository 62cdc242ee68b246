namespace ActorBroker.Domain.Worklist;

/// <summary>Which index a worklist query was answered from (the narrowest its single-value keys allow).</summary>
public enum WorklistIndexKind
{
    /// <summary>No usable key: every item of the site(s) is a candidate.</summary>
    Scan,
    Accession,
    PatientId,
    StationAeTitle,
    Modality,
    Date,
}
