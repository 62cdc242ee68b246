using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-SET-RQ, PS3.7 10.3.3.1. <see cref="DimseMessage.Dataset"/> is the Modification List (required).</summary>
public sealed record NSetRequest : DimseRequest
{
    /// <summary>Requested SOP Class UID (0000,0003).</summary>
    public required string RequestedSOPClassUID { get; init; }

    /// <summary>Requested SOP Instance UID (0000,1001).</summary>
    public required string RequestedSOPInstanceUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.NSetRQ;

    public override string SopClassUid => RequestedSOPClassUID;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.RequestedSOPClassUID, RequestedSOPClassUID);
        command.SetUInt16(DicomTags.MessageID, MessageID);
        CommandSet.SetUid(command, DicomTags.RequestedSOPInstanceUID, RequestedSOPInstanceUID);
    }

    // PS3.7 10.3.3.1 N-SET-RQ: Requested SOP Class UID, Command Field, Message ID, Command Data Set Type,
    // Requested SOP Instance UID.
    internal static NSetRequest FromCommand(DicomDataset command) => new()
    {
        RequestedSOPClassUID = CommandSet.RequireUid(command, DicomTags.RequestedSOPClassUID, DimseCommandField.NSetRQ),
        RequestedSOPInstanceUID = CommandSet.RequireUid(command, DicomTags.RequestedSOPInstanceUID, DimseCommandField.NSetRQ),
        MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, DimseCommandField.NSetRQ),
    };
}
