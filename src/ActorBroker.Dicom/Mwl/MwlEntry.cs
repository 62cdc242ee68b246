namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// One worklist item (one Scheduled Procedure Step) as the domain hands it to the MWL SCP: plain strings in
/// DICOM formats (PN as family^given^middle^prefix^suffix, DA as YYYYMMDD, TM as HHMMSS[.F], offsets as
/// +HHMM), "" when unknown. Neutral: no dataset, no character set; the response builder encodes it.
/// </summary>
public sealed record MwlEntry
{
    /// <summary>(0008,0050) SH</summary>
    public string AccessionNumber { get; init; } = "";

    /// <summary>(0010,0020) LO</summary>
    public string PatientId { get; init; } = "";

    /// <summary>(0010,0021) LO</summary>
    public string IssuerOfPatientId { get; init; } = "";

    /// <summary>(0010,0010) PN</summary>
    public string PatientName { get; init; } = "";

    /// <summary>(0010,0030) DA</summary>
    public string PatientBirthDate { get; init; } = "";

    /// <summary>(0010,0040) CS: M, F, O</summary>
    public string PatientSex { get; init; } = "";

    /// <summary>(0008,0090) PN</summary>
    public string ReferringPhysicianName { get; init; } = "";

    /// <summary>(0032,1032) PN</summary>
    public string RequestingPhysician { get; init; } = "";

    /// <summary>(0038,0010) LO</summary>
    public string AdmissionId { get; init; } = "";

    /// <summary>(0020,000D) UI</summary>
    public string StudyInstanceUid { get; init; } = "";

    /// <summary>(0040,1001) SH</summary>
    public string RequestedProcedureId { get; init; } = "";

    /// <summary>(0032,1060) LO</summary>
    public string RequestedProcedureDescription { get; init; } = "";

    /// <summary>(0032,1064)[0] (0008,0100) SH</summary>
    public string RequestedProcedureCodeValue { get; init; } = "";

    /// <summary>(0032,1064)[0] (0008,0102) SH</summary>
    public string RequestedProcedureCodingScheme { get; init; } = "";

    /// <summary>(0032,1064)[0] (0008,0104) LO</summary>
    public string RequestedProcedureCodeMeaning { get; init; } = "";

    /// <summary>(0040,1003) SH: STAT, HIGH, ROUTINE, MEDIUM, LOW</summary>
    public string RequestedProcedurePriority { get; init; } = "";

    /// <summary>(0040,1002) LO</summary>
    public string ReasonForRequestedProcedure { get; init; } = "";

    /// <summary>(0040,1400) LT</summary>
    public string RequestedProcedureComments { get; init; } = "";

    /// <summary>(0040,2016) LO</summary>
    public string PlacerOrderNumber { get; init; } = "";

    /// <summary>(0040,2017) LO</summary>
    public string FillerOrderNumber { get; init; } = "";

    /// <summary>(0040,0100)[0] (0008,0060) CS</summary>
    public string Modality { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0001) AE; several titles backslash-separated</summary>
    public string ScheduledStationAeTitle { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0010) SH</summary>
    public string ScheduledStationName { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0011) SH</summary>
    public string SpsLocation { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0002) DA, local time of the site</summary>
    public string SpsStartDate { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0003) TM, local time of the site</summary>
    public string SpsStartTime { get; init; } = "";

    /// <summary>(0008,0201) SH: offset of SpsStartDate/Time from UTC, "+HHMM" / "-HHMM"</summary>
    public string TimezoneOffsetFromUtc { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0009) SH</summary>
    public string SpsId { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0007) LO</summary>
    public string SpsDescription { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0008)[0] (0008,0100) SH</summary>
    public string ProtocolCodeValue { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0008)[0] (0008,0102) SH</summary>
    public string ProtocolCodingScheme { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0008)[0] (0008,0104) LO</summary>
    public string ProtocolCodeMeaning { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0020) CS: SCHEDULED, ARRIVED, READY, STARTED, DEPARTED, CANCELED, DISCONTINUED, COMPLETED</summary>
    public string SpsStatus { get; init; } = "";

    /// <summary>(0040,0100)[0] (0040,0006) PN</summary>
    public string ScheduledPerformingPhysicianName { get; init; } = "";
}
