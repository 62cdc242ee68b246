namespace ActorBroker.Domain.Reports;

/// <summary>
/// One version of a radiology report, whatever it arrived as (ORU^R01 or a DICOM SR):
/// ResultStatus is HL7 table 0123 as the order keeps it: P preliminary, F final, C corrected
/// (OBR-25 / OBX-11; an SR's Completion Flag PARTIAL -> P, COMPLETE + VERIFIED -> F).
/// Lines are the report text in reading order (SR headings and text items flattened, one entry
/// per line). Source is "ORU" or "SR"; ReportId identifies this version at its source (the
/// ORU's MSH-10 or the SR's SOP Instance UID). ObservedAt is OBR-7/OBX-14 or the SR's
/// Content Date/Time when present.
/// </summary>
// HL7 2.5.1 7.4.1 OBR-25, 7.4.2 OBX-11 (table 0085/0123); DICOM PS3.3 C.17.2 (SR Document General)
public sealed record ReportContent(
    string ResultStatus,
    IReadOnlyList<string> Lines,
    string Interpreter,
    DateTimeOffset? ObservedAt,
    string Source,
    string ReportId)
{
    // Records compare lists by reference; a report rebuilt from the journal must equal the live one.
    public bool Equals(ReportContent? other) =>
        other is not null
        && ResultStatus == other.ResultStatus
        && Interpreter == other.Interpreter
        && ObservedAt == other.ObservedAt
        && Source == other.Source
        && ReportId == other.ReportId
        && Orders.Sequences.Equal(Lines, other.Lines);

    public override int GetHashCode() =>
        HashCode.Combine(ResultStatus, Interpreter, ObservedAt, Source, ReportId, Orders.Sequences.Hash(Lines));
}
