using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// C-CANCEL-RQ, PS3.7 9.3.2.3: asks the SCP to stop the C-FIND (or C-GET / C-MOVE) whose Message ID is
/// <see cref="MessageIDBeingRespondedTo"/>. It has no Message ID of its own and no response.
/// </summary>
public sealed record CCancelRequest : DimseMessage
{
    public ushort MessageIDBeingRespondedTo { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.CCancelRQ;

    private protected override void WriteFields(DicomDataset command) =>
        command.SetUInt16(DicomTags.MessageIDBeingRespondedTo, MessageIDBeingRespondedTo);

    // PS3.7 9.3.2.3 C-CANCEL-FIND-RQ: Command Field, Message ID Being Responded To, Command Data Set Type.
    internal static CCancelRequest FromCommand(DicomDataset command) => new()
    {
        MessageIDBeingRespondedTo = CommandSet.RequireUInt16(command, DicomTags.MessageIDBeingRespondedTo, DimseCommandField.CCancelRQ),
    };
}
