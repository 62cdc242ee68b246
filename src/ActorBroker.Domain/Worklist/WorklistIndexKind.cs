namespace ActorBroker.Domain.Worklist;

/// <summary>
/// Which index a worklist query was answered from (the narrowest its single-value keys allow). A Date, Modality or
/// StationAeTitle answer to a query with both a date (range) and a modality or station AE title is read from the
/// (modality, day) or (station, day) buckets of the date index instead: the kind still names the narrowest single
/// key, the candidate count is that of the buckets.
/// </summary>
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
