using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>C-FIND-RQ, PS3.7 9.3.2.1. <see cref="DimseMessage.Dataset"/> is the Identifier (required).</summary>
public sealed record CFindRequest : DimseRequest
{
    public required string AffectedSOPClassUID { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public override DimseCommandField CommandField => DimseCommandField.CFindRQ;

    public override string SopClassUid => AffectedSOPClassUID;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        command.SetUInt16(DicomTags.MessageID, MessageID);
        command.SetUInt16(DicomTags.Priority, (ushort)Priority);
    }

    // PS3.7 9.3.2.1 C-FIND-RQ: Affected SOP Class UID, Command Field, Message ID, Priority, Command Data Set Type.
    internal static CFindRequest FromCommand(DicomDataset command) => new()
    {
        AffectedSOPClassUID = CommandSet.RequireUid(command, DicomTags.AffectedSOPClassUID, DimseCommandField.CFindRQ),
        MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, DimseCommandField.CFindRQ),
        Priority = command.TryGetUInt16(DicomTags.Priority, out var priority) ? (DimsePriority)priority : DimsePriority.Medium,
    };
}
