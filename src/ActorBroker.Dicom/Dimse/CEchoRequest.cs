using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>C-ECHO-RQ, PS3.7 9.3.5.1.</summary>
public sealed record CEchoRequest : DimseRequest
{
    public string AffectedSOPClassUID { get; init; } = WellKnownUids.Verification;

    public override DimseCommandField CommandField => DimseCommandField.CEchoRQ;

    public override string SopClassUid => AffectedSOPClassUID;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        command.SetUInt16(DicomTags.MessageID, MessageID);
    }

    // PS3.7 9.3.5.1 C-ECHO-RQ: Affected SOP Class UID, Command Field, Message ID, Command Data Set Type.
    internal static CEchoRequest FromCommand(DicomDataset command) => new()
    {
        AffectedSOPClassUID = CommandSet.RequireUid(command, DicomTags.AffectedSOPClassUID, DimseCommandField.CEchoRQ),
        MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, DimseCommandField.CEchoRQ),
    };
}
