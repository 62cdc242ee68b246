namespace ActorBroker.Domain.Sites;

/// <summary>
/// One modality (a worklist client) of a site, by its AE title: its modality type, the DICOM
/// Specific Character Set (0008,0005) its worklist is sent in (ISO_IR 192 is UTF-8; a modality
/// that only knows Latin-1 gets ISO_IR 100), and the Scheduled Station Name (0040,0010) and
/// Scheduled Procedure Step Location (0040,0011) to use when the order does not say.
/// </summary>
public sealed record ModalityStation(
    string AeTitle,
    string Modality,
    string CharacterSet = ModalityStation.DefaultCharacterSet,
    string StationName = "",
    string Location = "")
{
    public const string DefaultCharacterSet = "ISO_IR 192";
}
