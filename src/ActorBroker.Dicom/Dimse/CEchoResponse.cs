using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>C-ECHO-RSP, PS3.7 9.3.5.2.</summary>
public sealed record CEchoResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; } = WellKnownUids.Verification;

    public override DimseCommandField CommandField => DimseCommandField.CEchoRSP;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        WriteStatusFields(command);
    }

    // PS3.7 9.3.5.2 C-ECHO-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To, Status.
    internal static CEchoResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new CEchoResponse { AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID) });
}
