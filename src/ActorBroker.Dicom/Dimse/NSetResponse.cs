using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-SET-RSP, PS3.7 10.3.3.2. <see cref="DimseMessage.Dataset"/> is the (optional) Attribute List.</summary>
public sealed record NSetResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; }

    public string? AffectedSOPInstanceUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.NSetRSP;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
        WriteStatusFields(command);
    }

    // PS3.7 10.3.3.2 N-SET-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To,
    // Command Data Set Type, Status, Affected SOP Instance UID (U), Error Comment / Error ID / Offending Element (C).
    internal static NSetResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new NSetResponse
        {
            AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID),
            AffectedSOPInstanceUID = CommandSet.GetUid(command, DicomTags.AffectedSOPInstanceUID),
        });
}
