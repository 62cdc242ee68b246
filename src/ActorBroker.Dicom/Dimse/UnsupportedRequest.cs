using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// A request whose command this library does not implement (C-GET, C-MOVE, N-GET, N-ACTION, N-DELETE,
/// N-EVENT-REPORT): kept so the SCP can answer it with 0211H Unrecognized operation.
/// </summary>
internal sealed record UnsupportedRequest(DimseCommandField Field, string SopClass) : DimseRequest
{
    public override DimseCommandField CommandField => Field;

    public override string SopClassUid => SopClass;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, SopClass);
        command.SetUInt16(DicomTags.MessageID, MessageID);
    }

    internal static UnsupportedRequest FromCommand(DicomDataset command, DimseCommandField field) =>
        new(field, CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID) ?? CommandSet.GetUid(command, DicomTags.RequestedSOPClassUID) ?? string.Empty)
        {
            MessageID = CommandSet.RequireUInt16(command, DicomTags.MessageID, field),
        };
}
