using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Studies;

/// <summary>
/// The study entity's two pure functions: Decide (state, RecordStudyMpps) -> event, duplicate or
/// rejection; Apply (state, event) -> state.
/// <list type="bullet">
/// <item>A command for another Study Instance UID, an empty MPPS UID, or a status other than
/// IN PROGRESS / COMPLETED / DISCONTINUED: rejected.</item>
/// <item>An MPPS the study holds with the same status: duplicate (a redelivery); a late
/// IN PROGRESS for an MPPS already COMPLETED or DISCONTINUED: duplicate (it says nothing newer).</item>
/// <item>COMPLETED for an MPPS already DISCONTINUED, or the reverse: rejected (a final MPPS state is
/// final; the MPPS SCP refuses such an N-SET with 0110, so it only comes from a bug upstream).</item>
/// <item>Anything else (a new MPPS in any status, IN PROGRESS -> COMPLETED/DISCONTINUED): recorded.</item>
/// </list>
/// </summary>
// DICOM PS3.4 F.7.2.1 (N-CREATE), F.7.2.2 (N-SET: a COMPLETED or DISCONTINUED MPPS is not updated); IHE RAD TF-2 4.6/4.7
public static class StudyDecider
{
    public static StudyDecision Decide(StudySnapshot state, RecordStudyMpps command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);

        var what = $"MPPS {command.MppsInstanceUid} {command.Status}";
        if (!string.Equals(command.StudyInstanceUid, state.StudyInstanceUid, StringComparison.Ordinal))
        {
            // A routing bug, not the modality's fault; refuse rather than corrupt another study.
            return new StudyDecision.Rejected($"{what} for study {command.StudyInstanceUid} reached study {state.StudyInstanceUid}");
        }

        if (command.MppsInstanceUid.Length == 0)
        {
            return new StudyDecision.Rejected($"MPPS {command.Status} for study {command.StudyInstanceUid} has no SOP Instance UID");
        }

        if (!MppsStatus.IsKnown(command.Status))
        {
            return new StudyDecision.Rejected(
                $"{what} for study {command.StudyInstanceUid}: status '{command.Status}' is not {MppsStatus.InProgress}, {MppsStatus.Completed} or {MppsStatus.Discontinued}");
        }

        if (Find(state.Mpps, command.MppsInstanceUid) is { } known)
        {
            if (known.Status == command.Status)
            {
                return new StudyDecision.Duplicate($"{what} is already recorded for study {command.StudyInstanceUid}");
            }

            if (MppsStatus.IsFinal(known.Status))
            {
                return command.Status == MppsStatus.InProgress
                    ? new StudyDecision.Duplicate($"MPPS {command.MppsInstanceUid} of study {command.StudyInstanceUid} is already {known.Status}; a late {MppsStatus.InProgress} changes nothing")
                    : new StudyDecision.Rejected($"{what} for study {command.StudyInstanceUid} refused: the MPPS is already {known.Status}, and a final MPPS state is final");
            }
        }

        return new StudyDecision.Accepted(new StudyMppsRecorded(
            command.StudyInstanceUid,
            command.MppsInstanceUid,
            command.Status,
            command.PerformedStationAeTitle,
            command.Modality,
            command.StartDateTime,
            command.EndDateTime,
            command.Series,
            command.Orders,
            command.At));
    }

    public static StudySnapshot Apply(StudySnapshot state, StudyMppsRecorded e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);

        var mpps = new StudyMpps(
            e.MppsInstanceUid,
            e.Status,
            e.PerformedStationAeTitle,
            e.Modality,
            e.StartDateTime,
            e.EndDateTime,
            [.. e.Series.Select(s => s.SeriesInstanceUid)],
            e.Orders,
            e.At);

        var series = state.Series.ToList();
        foreach (var s in e.Series)
        {
            var i = series.FindIndex(x => string.Equals(x.SeriesInstanceUid, s.SeriesInstanceUid, StringComparison.Ordinal));
            if (i >= 0)
            {
                series[i] = s;
            }
            else
            {
                series.Add(s);
            }
        }

        var orders = state.Orders.ToList();
        foreach (var o in e.Orders)
        {
            if (!orders.Contains(o))
            {
                orders.Add(o);
            }
        }

        var all = state.Mpps.ToList();
        var at = all.FindIndex(x => string.Equals(x.MppsInstanceUid, e.MppsInstanceUid, StringComparison.Ordinal));
        if (at >= 0)
        {
            all[at] = mpps;
        }
        else
        {
            all.Add(mpps);
        }

        return state with { Mpps = all, Series = series, Orders = orders, Version = state.Version + 1 };
    }

    private static StudyMpps? Find(IReadOnlyList<StudyMpps> mpps, string uid)
    {
        foreach (var m in mpps)
        {
            if (string.Equals(m.MppsInstanceUid, uid, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return null;
    }
}
