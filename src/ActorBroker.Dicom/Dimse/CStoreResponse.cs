using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>C-STORE-RSP, PS3.7 9.3.1.2.</summary>
public sealed record CStoreResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; }

    public string? AffectedSOPInstanceUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.CStoreRSP;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
        WriteStatusFields(command);
    }

    // PS3.7 9.3.1.2 C-STORE-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To,
    // Command Data Set Type, Status, Offending Element / Error Comment (C), Affected SOP Instance UID (U).
    internal static CStoreResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new CStoreResponse
        {
            AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID),
            AffectedSOPInstanceUID = CommandSet.GetUid(command, DicomTags.AffectedSOPInstanceUID),
        });
}
