using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>The response to an <see cref="UnsupportedRequest"/>: its command field with bit 15 set (PS3.7 E.1).</summary>
internal sealed record UnsupportedResponse(DimseCommandField Field, string? AffectedSOPClassUID) : DimseResponse
{
    public override DimseCommandField CommandField => Field;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        WriteStatusFields(command);
    }
}
