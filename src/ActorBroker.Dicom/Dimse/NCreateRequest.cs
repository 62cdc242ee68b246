using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// N-CREATE-RQ, PS3.7 10.3.5.1. <see cref="DimseMessage.Dataset"/> is the Attribute List.
/// <see cref="AffectedSOPInstanceUID"/> is optional (the SCP may assign one); MPPS requires the SCU to send it.
/// </summary>
public sealed record NCreateRequest : DimseRequest
{
    public required string AffectedSOPClassUID { get; init; }

    public string? AffectedSOPInstanceUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.NCreateRQ;

    public override string SopClassUid => AffectedSOPClassUID;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        command.SetUInt16(DicomTags.MessageID, MessageID);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
    }

    // PS3.7 10.3.5.1 N-CREATE-RQ: Affected SOP Class UID, Command Field, Message ID, Command Data Set Type,
    // Affected SOP Instance UID (U).
    internal static NCreateRequest FromCommand(DicomDataset command) => new()
    {
        AffectedSOPClassUID = CommandSet.RequireUid(command, DicomTags.AffectedSOPClassUID, DimseCommandField.NCreateRQ),
        MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, DimseCommandField.NCreateRQ),
        AffectedSOPInstanceUID = CommandSet.GetUid(command, DicomTags.AffectedSOPInstanceUID),
    };
}
