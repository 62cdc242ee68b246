namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// One item of the Performed Series Sequence (0040,0340): a series the step produced and how many image
/// (0008,1140) and non-image composite (0040,0220) instances the modality listed for it. Strings are ""
/// when empty or absent.
/// </summary>
// DICOM PS3.4 F.7.2 Table F.7.2-1 (Performed Series Sequence)
public sealed record MppsPerformedSeries(
    string SeriesInstanceUid,
    string SeriesDescription,
    string ProtocolName,
    string RetrieveAeTitle,
    int ReferencedImageCount,
    int ReferencedNonImageCount);
