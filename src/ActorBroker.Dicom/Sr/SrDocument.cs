namespace ActorBroker.Dicom.Sr;

/// <summary>
/// What the broker reads from a stored Structured Report: identity, the order it references, the
/// document's state and its content, both as a tree (<see cref="Root"/>) and flattened to report
/// text (<see cref="Lines"/>). Strings are as stored, decoded through the Specific Character Set,
/// trailing padding removed; "" where the dataset has no value. Flags are upper case.
/// </summary>
// DICOM PS3.3 C.17.2 (SR Document General Module), C.17.3 (SR Document Content Module), C.12.1 (SOP Common)
public sealed record SrDocument
{
    /// <summary>(0008,0016), one of <see cref="SrSopClasses"/>.</summary>
    public required string SopClassUid { get; init; }

    /// <summary>(0008,0018): identifies this document version.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>(0020,000D), the study the report belongs to.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>(0020,000E).</summary>
    public string SeriesInstanceUid { get; init; } = "";

    /// <summary>(0008,0050), the study's accession number (the request items may carry others).</summary>
    public string AccessionNumber { get; init; } = "";

    /// <summary>(0010,0020).</summary>
    public string PatientId { get; init; } = "";

    /// <summary>(0010,0010), DICOM PN as stored (all component groups).</summary>
    public string PatientName { get; init; } = "";

    /// <summary>(0008,0005) as stored ("ISO_IR 192", "ISO_IR 100" ...); "" for the default repertoire.</summary>
    public string SpecificCharacterSet { get; init; } = "";

    /// <summary>(0040,A491): PARTIAL or COMPLETE.</summary>
    public string CompletionFlag { get; init; } = "";

    /// <summary>(0040,A493): UNVERIFIED or VERIFIED.</summary>
    public string VerificationFlag { get; init; } = "";

    /// <summary>(0040,A075) of the first Verifying Observer Sequence (0040,A073) item, DICOM PN.</summary>
    public string VerifyingObserverName { get; init; } = "";

    /// <summary>(0040,A030) of the same item, DT as stored.</summary>
    public string VerificationDateTime { get; init; } = "";

    /// <summary>Content Date (0008,0023) and Content Time (0008,0033) as written (local wall clock); null without a valid date.</summary>
    public DateTime? ContentDateTime { get; init; }

    /// <summary>True when Content Time was present and valid (else <see cref="ContentDateTime"/> is midnight).</summary>
    public bool HasContentTime { get; init; }

    /// <summary>Timezone Offset From UTC (0008,0201) when present and valid.</summary>
    public TimeSpan? TimezoneOffsetFromUtc { get; init; }

    /// <summary>Referenced Request Sequence (0040,A370) items, in order.</summary>
    public IReadOnlyList<SrRequest> ReferencedRequests { get; init; } = [];

    /// <summary>SOP Instance UIDs in Predecessor Documents Sequence (0040,A360): the versions this one replaces.</summary>
    public IReadOnlyList<string> PredecessorDocuments { get; init; } = [];

    /// <summary>The root CONTAINER; its concept name is the document title.</summary>
    public required SrContentItem Root { get; init; }

    /// <summary>The content flattened to report text (see <see cref="StructuredReportReader"/>), never empty.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>The root container's concept name, e.g. "Diagnostic Imaging Report".</summary>
    public string DocumentTitle => Root.Concept;

    public bool IsComplete => CompletionFlag == "COMPLETE";

    public bool IsVerified => VerificationFlag == "VERIFIED";
}
