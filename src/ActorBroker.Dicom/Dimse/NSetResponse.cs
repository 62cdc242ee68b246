using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-SET-RSP, PS3.7 10.3.3.2. <see cref="DimseMessage.Dataset"/> is the (optional) Attribute List.</summary>
public sealed record NSetResponse : DimseResponse
{
    public string? AffectedSOPClassUID { get; init; }

    public string? AffectedSOPInstanceUID { get; init; }

    /// <summary>
    /// Attribute Identifier List (0000,1005), AT 1-n: the attributes a 0120H Missing Attribute or 0105H No such
    /// Attribute status refers to (PS3.7 C.5.13, C.5.17). Invalid or empty values (0106H, 0121H) are reported in
    /// the response's Attribute List data set instead (PS3.7 C.5.11, C.5.14).
    /// </summary>
    public IReadOnlyList<DicomTag> AttributeIdentifierList { get; init; } = [];

    public override DimseCommandField CommandField => DimseCommandField.NSetRSP;

    private protected override void WriteFields(DicomDataset command)
    {
        CommandSet.SetUid(command, DicomTags.AffectedSOPClassUID, AffectedSOPClassUID);
        CommandSet.SetUid(command, DicomTags.AffectedSOPInstanceUID, AffectedSOPInstanceUID);
        if (AttributeIdentifierList.Count > 0)
        {
            command.SetTags(DicomTags.AttributeIdentifierList, AttributeIdentifierList);
        }

        WriteStatusFields(command);
    }

    // PS3.7 10.3.3.2 N-SET-RSP: Affected SOP Class UID (U), Command Field, Message ID Being Responded To,
    // Command Data Set Type, Status, Affected SOP Instance UID (U), Error Comment / Error ID / Offending Element / Attribute Identifier List (C).
    internal static NSetResponse FromCommand(DicomDataset command) =>
        ReadStatusFields(command, new NSetResponse
        {
            AffectedSOPClassUID = CommandSet.GetUid(command, DicomTags.AffectedSOPClassUID),
            AffectedSOPInstanceUID = CommandSet.GetUid(command, DicomTags.AffectedSOPInstanceUID),
            AttributeIdentifierList = command.GetTags(DicomTags.AttributeIdentifierList),
        });
}
