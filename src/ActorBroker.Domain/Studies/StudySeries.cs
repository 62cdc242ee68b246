namespace ActorBroker.Domain.Studies;

/// <summary>
/// One performed series of a study, as an MPPS reports it: Series Instance UID (0020,000E),
/// Series Description (0008,103E) and the number of images the MPPS references in it.
/// </summary>
// DICOM PS3.3 C.4.17 (Performed Series Sequence (0040,0340))
public sealed record StudySeries(string SeriesInstanceUid, string Description, int ImageCount);
