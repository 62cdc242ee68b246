using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>A DIMSE response: Message ID Being Responded To (0000,0120), Status (0000,0900) and the error fields of PS3.7 C.</summary>
public abstract record DimseResponse : DimseMessage
{
    /// <summary>Message ID Being Responded To (0000,0120). The association fills it in from the request.</summary>
    public ushort MessageIDBeingRespondedTo { get; init; }

    public DicomStatus Status { get; init; } = DicomStatus.Success;

    /// <summary>Error Comment (0000,0902), LO: at most 64 characters go on the wire.</summary>
    public string? ErrorComment { get; init; }

    /// <summary>Offending Element (0000,0901), AT 1-n.</summary>
    public IReadOnlyList<DicomTag> OffendingElements { get; init; } = [];

    /// <summary>Error ID (0000,0903).</summary>
    public ushort? ErrorID { get; init; }

    private protected void WriteStatusFields(DicomDataset command)
    {
        command.SetUInt16(DicomTags.MessageIDBeingRespondedTo, MessageIDBeingRespondedTo);
        command.SetUInt16(DicomTags.Status, Status.Code);
        if (OffendingElements.Count > 0)
        {
            command.SetTags(DicomTags.OffendingElement, OffendingElements);
        }

        CommandSet.SetErrorComment(command, ErrorComment);
        if (ErrorID is { } errorId)
        {
            command.SetUInt16(DicomTags.ErrorID, errorId);
        }
    }

    private protected static TResponse ReadStatusFields<TResponse>(DicomDataset command, TResponse response)
        where TResponse : DimseResponse
    {
        var comment = command.GetString(DicomTags.ErrorComment, defaultValue: string.Empty);
        return response with
        {
            MessageIDBeingRespondedTo = CommandSet.RequireUInt16(command, DicomTags.MessageIDBeingRespondedTo, response.CommandField),
            Status = DicomStatus.FromCode(CommandSet.RequireUInt16(command, DicomTags.Status, response.CommandField)),
            ErrorComment = comment.Length == 0 ? null : comment,
            OffendingElements = command.GetTags(DicomTags.OffendingElement),
            ErrorID = command.TryGetUInt16(DicomTags.ErrorID, out var errorId) ? errorId : null,
        };
    }
}
