using System.Text.Json.Nodes;

namespace ActorBroker.LoadGen;

/// <summary>The EHR receiver's counters at one moment of a run (see <see cref="EhrReceiver"/>); a phase's are the difference of two.</summary>
internal sealed record EhrCounts(
    long Messages,
    long Duplicates,
    long Repeated,
    long OutOfOrder,
    long OtherStatus,
    long NotSc,
    long Unknown,
    long Unparsable,
    long FrameErrors,
    long Reports,
    long RepeatedReports,
    long NotFinalReports)
{
    public static EhrCounts From(EhrReceiver r) =>
        new(r.Messages, r.Duplicates, r.Repeated, r.OutOfOrder, r.OtherStatus, r.NotSc, r.Unknown, r.Unparsable, r.FrameErrors, r.Reports, r.RepeatedReports, r.NotFinalReports);

    public EhrCounts Minus(EhrCounts earlier) => new(
        Messages - earlier.Messages,
        Duplicates - earlier.Duplicates,
        Repeated - earlier.Repeated,
        OutOfOrder - earlier.OutOfOrder,
        OtherStatus - earlier.OtherStatus,
        NotSc - earlier.NotSc,
        Unknown - earlier.Unknown,
        Unparsable - earlier.Unparsable,
        FrameErrors - earlier.FrameErrors,
        Reports - earlier.Reports,
        RepeatedReports - earlier.RepeatedReports,
        NotFinalReports - earlier.NotFinalReports);

    public JsonObject ToJson() => new()
    {
        ["messages"] = Messages,
        ["duplicateMsh10"] = Duplicates,
        ["repeatedStatus"] = Repeated,
        ["cmBeforeIp"] = OutOfOrder,
        ["otherOrc5"] = OtherStatus,
        ["orc1NotSc"] = NotSc,
        ["unknownOrder"] = Unknown,
        ["unparsable"] = Unparsable,
        ["frameErrors"] = FrameErrors,
        ["oruR01"] = Reports,
        ["repeatedFinal"] = RepeatedReports,
        ["notFinal"] = NotFinalReports,
    };
}
