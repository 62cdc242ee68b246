namespace ActorBroker.Dicom.Dimse;

/// <summary>Status types of PS3.7 Annex C.</summary>
public enum DicomStatusType
{
    Success,
    Warning,
    Failure,
    Cancel,
    Pending,
}
