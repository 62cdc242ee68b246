using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-CREATE-RSP, PS3.7 10.3.5.2. <see cref="DimseMessage.Dataset"/> is the (optional) Attribute List.</summary>
public sealed record NCreateResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; }

    public string? AffectedSOPInstanceUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.NCreateRSP;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
        WriteStatusFields(command);
    }

    // PS3.7 10.3.5.2 N-CREATE-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To,
    // Command Data Set Type, Status, Affected SOP Instance UID, Error Comment / Error ID / Offending Element (C).
    internal static NCreateResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new NCreateResponse
        {
            AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID),
            AffectedSOPInstanceUID = CommandSet.GetUid(command, DicomTags.AffectedSOPInstanceUID),
        });
}
