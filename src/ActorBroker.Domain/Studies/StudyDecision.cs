namespace ActorBroker.Domain.Studies;

/// <summary>The outcome of <see cref="StudyDecider.Decide"/>: exactly one of the three nested records.</summary>
public abstract record StudyDecision
{
    private StudyDecision()
    {
    }

    /// <summary>Journal this event, then apply it.</summary>
    public sealed record Accepted(StudyMppsRecorded Event) : StudyDecision;

    /// <summary>Nothing new: the study already holds this MPPS with this status (or a later one).</summary>
    public sealed record Duplicate(string Reason) : StudyDecision;

    /// <summary>Not recorded, for the reason given (raise it as an exception).</summary>
    public sealed record Rejected(string Reason) : StudyDecision;
}
