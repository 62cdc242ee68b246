using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>C-STORE-RQ, PS3.7 9.3.1.1. <see cref="DimseMessage.Dataset"/> is the SOP instance (required).</summary>
public sealed record CStoreRequest : DimseRequest
{
    public required string AffectedSOPClassUID { get; init; }

    public required string AffectedSOPInstanceUID { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    /// <summary>Move Originator Application Entity Title (0000,1030), when the store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorApplicationEntityTitle { get; init; }

    /// <summary>Move Originator Message ID (0000,1031).</summary>
    public ushort? MoveOriginatorMessageID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.CStoreRQ;

    public override string SopClassUid => AffectedSOPClassUID;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        command.SetUInt16(DicomTags.MessageID, MessageID);
        command.SetUInt16(DicomTags.Priority, (ushort)Priority);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
        if (!string.IsNullOrEmpty(MoveOriginatorApplicationEntityTitle))
        {
            command.Set(DicomTags.MoveOriginatorApplicationEntityTitle, DicomVR.AE, MoveOriginatorApplicationEntityTitle);
        }

        if (MoveOriginatorMessageID is { } moveMessageId)
        {
            command.SetUInt16(DicomTags.MoveOriginatorMessageID, moveMessageId);
        }
    }

    // PS3.7 9.3.1.1 C-STORE-RQ: Affected SOP Class UID, Command Field, Message ID, Priority, Command Data Set
    // Type, Affected SOP Instance UID, Move Originator AE Title (U), Move Originator Message ID (U).
    internal static CStoreRequest FromCommand(DicomDataset command)
    {
        var moveOriginator = command.GetString(DicomTags.MoveOriginatorApplicationEntityTitle, defaultValue: string.Empty);
        return new CStoreRequest
        {
            AffectedSOPClassUID = CommandSet.RequireUid(command, DicomTags.AffectedSOPClassUID, DimseCommandField.CStoreRQ),
            AffectedSOPInstanceUID = CommandSet.RequireUid(command, DicomTags.AffectedSOPInstanceUID, DimseCommandField.CStoreRQ),
            MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, DimseCommandField.CStoreRQ),
            Priority = command.TryGetUInt16(DicomTags.Priority, out var priority) ? (DimsePriority)priority : DimsePriority.Medium,
            MoveOriginatorApplicationEntityTitle = moveOriginator.Length == 0 ? null : moveOriginator,
            MoveOriginatorMessageID = command.TryGetUInt16(DicomTags.MoveOriginatorMessageID, out var moveId) ? moveId : null,
        };
    }
}
