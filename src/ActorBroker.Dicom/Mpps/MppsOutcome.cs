using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// What <see cref="MppsRules"/> decided about one N-CREATE or N-SET: <see cref="Accepted"/> with the
/// attributes to keep (for N-SET the merged result), or <see cref="Refused"/> with the DIMSE status to answer.
/// </summary>
public abstract record MppsOutcome
{
    private MppsOutcome()
    {
    }

    /// <summary>The request is valid: journal <paramref name="Attributes"/>, answer 0000H Success.</summary>
    public sealed record Accepted(MppsAttributes Attributes) : MppsOutcome;

    /// <summary>
    /// The request is refused with <paramref name="Status"/>. <paramref name="OffendingElements"/> names the
    /// attributes at fault in the order found; an attribute inside a sequence follows the tag of its sequence
    /// (e.g. (0040,0270), (0020,000D)). <paramref name="ErrorId"/> is set where PS3.4 defines one (A710H).
    /// </summary>
    public sealed record Refused(DicomStatus Status, string ErrorComment, ushort? ErrorId, IReadOnlyList<DicomTag> OffendingElements) : MppsOutcome
    {
        public bool Equals(Refused? other) =>
            other is not null
            && Status == other.Status
            && ErrorComment == other.ErrorComment
            && ErrorId == other.ErrorId
            && ListEquality.Equal(OffendingElements, other.OffendingElements);

        public override int GetHashCode() => HashCode.Combine(Status, ErrorComment, ErrorId, ListEquality.Hash(OffendingElements));

        protected override bool PrintMembers(System.Text.StringBuilder builder)
        {
            builder.Append("Status = ").Append(Status)
                .Append(", ErrorComment = ").Append(ErrorComment)
                .Append(", ErrorId = ").Append(ErrorId is { } id ? id.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : "")
                .Append(", OffendingElements = ").Append(string.Join(' ', OffendingElements));
            return true;
        }
    }
}
