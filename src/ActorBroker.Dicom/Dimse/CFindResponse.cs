using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// C-FIND-RSP, PS3.7 9.3.2.2. A pending response (FF00/FF01) carries one match as
/// <see cref="DimseMessage.Dataset"/> (the Identifier); the final response carries none.
/// </summary>
public sealed record CFindResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; }

    public override DimseCommandField CommandField => DimseCommandField.CFindRSP;

    /// <summary>A pending response (FF00) with one match.</summary>
    public static CFindResponse Pending(DicomDataset identifier) => new() { Status = DicomStatus.Pending, Dataset = identifier };

    /// <summary>A pending response (FF00) with one match that writes its own bytes (see <see cref="IDicomDatasetEncoder"/>).</summary>
    public static CFindResponse Pending(IDicomDatasetEncoder identifier) => new() { Status = DicomStatus.Pending, DatasetEncoder = identifier };

    /// <summary>A final response with this status and no identifier.</summary>
    public static CFindResponse Final(DicomStatus status, string? errorComment = null) => new() { Status = status, ErrorComment = errorComment };

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        WriteStatusFields(command);
    }

    // PS3.7 9.3.2.2 C-FIND-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To,
    // Command Data Set Type, Status, Offending Element / Error Comment (C).
    internal static CFindResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new CFindResponse { AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID) });
}
