using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// N-CREATE-RSP and N-SET-RSP for an <see cref="MppsOutcome"/>, with the fields PS3.7 Annex C attaches to each
/// status: Affected SOP Class UID always (PS3.7 10.1.5.1.3, 10.1.3.1.7: equal to the request's); Affected SOP
/// Instance UID on success and on 0111H / 0112H / 0117H (C.5.8, C.5.19, C.5.12); Attribute Identifier List
/// (0000,1005) for 0120H and 0105H (C.5.13, C.5.17); for 0106H and 0121H an Attribute List data set holding the
/// offending attributes as the request carried them (C.5.11, C.5.14); Error Comment always on failure (a
/// human-readable reason; the wire keeps 64 characters) and Error ID where the outcome has one (0110H A710H,
/// PS3.4 Table F.7.2-2). Success responses carry no Attribute List (it is optional, PS3.7 10.1.5.1.5).
/// </summary>
// DICOM PS3.7 10.1.5 (N-CREATE), 10.1.3 (N-SET), Annex C; PS3.4 F.7.2.1.4, F.7.2.2.4
public static class MppsResponses
{
    public static NCreateResponse ForCreate(NCreateRequest request, MppsOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            MppsOutcome.Accepted => new NCreateResponse
            {
                Status = DicomStatus.Success,
                AffectedSOPClassUID = request.AffectedSOPClassUID,
                AffectedSOPInstanceUID = request.AffectedSOPInstanceUID,
            },
            MppsOutcome.Refused refused => new NCreateResponse
            {
                Status = refused.Status,
                ErrorComment = refused.ErrorComment,
                ErrorID = refused.ErrorId,
                AffectedSOPClassUID = request.AffectedSOPClassUID,
                AffectedSOPInstanceUID = NamesInstance(refused.Status) ? request.AffectedSOPInstanceUID : null,
                AttributeIdentifierList = ListsIdentifiers(refused.Status) ? refused.OffendingElements : [],
                Dataset = ListsValues(refused.Status) ? AttributeList(request.Dataset, refused.OffendingElements) : null,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }

    public static NSetResponse ForSet(NSetRequest request, MppsOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            MppsOutcome.Accepted => new NSetResponse
            {
                Status = DicomStatus.Success,
                AffectedSOPClassUID = request.RequestedSOPClassUID,
                AffectedSOPInstanceUID = request.RequestedSOPInstanceUID,
            },
            MppsOutcome.Refused refused => new NSetResponse
            {
                Status = refused.Status,
                ErrorComment = refused.ErrorComment,
                ErrorID = refused.ErrorId,
                AffectedSOPClassUID = request.RequestedSOPClassUID,
                AffectedSOPInstanceUID = NamesInstance(refused.Status) || refused.Status == DicomStatus.ProcessingFailure
                    ? request.RequestedSOPInstanceUID
                    : null,
                AttributeIdentifierList = ListsIdentifiers(refused.Status) ? refused.OffendingElements : [],
                Dataset = ListsValues(refused.Status) ? AttributeList(request.Dataset, refused.OffendingElements) : null,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
        };
    }

    private static bool NamesInstance(DicomStatus status) =>
        status == DicomStatus.DuplicateSOPInstance || status == DicomStatus.NoSuchObjectInstance || status == DicomStatus.InvalidObjectInstance;

    private static bool ListsIdentifiers(DicomStatus status) =>
        status == DicomStatus.MissingAttribute || status == DicomStatus.NoSuchAttribute;

    private static bool ListsValues(DicomStatus status) =>
        status == DicomStatus.InvalidAttributeValue || status == DicomStatus.MissingAttributeValue;

    /// <summary>
    /// The request's top-level elements named in <paramref name="offending"/> (a nested attribute comes with
    /// its whole sequence), with the request's (0008,0005) so the text reads right; null when none is there.
    /// </summary>
    private static DicomDataset? AttributeList(DicomDataset? request, IReadOnlyList<DicomTag> offending)
    {
        if (request is null) return null;
        var keep = offending.Where(request.Contains).ToHashSet();
        if (keep.Count == 0) return null;
        var list = request.Clone();
        foreach (var tag in list.Select(e => e.Tag).ToList())
        {
            if (!keep.Contains(tag) && tag != DicomTags.SpecificCharacterSet) list.Remove(tag);
        }
        return list;
    }
}
