using ActorBroker.Hl7;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// How an outbox treats failures. Defaults follow HL7's own split (2.9.2 original mode): AE says
/// the content is wrong, so the same bytes would fail again: park it (a poisoned message must not
/// loop); AR says the receiver could not process it for reasons unrelated to the content (down,
/// busy, internal error): retry. Timeouts retry. MaxAttempts 0 retries forever: an EHR that is
/// down for hours must not turn every queued status into an operator task.
/// </summary>
// HL7 2.5.1 2.9.2.2 (AA/AE/AR), 2.9.3 (enhanced mode CA/CE/CR)
public sealed record OutboxPolicy
{
    public static OutboxPolicy Default { get; } = new();

    /// <summary>Sends before a failing message is parked; 0 = never park for failures that are retried.</summary>
    public int MaxAttempts { get; init; }

    /// <summary>The delay after the first failed send; doubles with each further attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the doubled delay (before jitter).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Each delay is scaled by a random factor in [1 - JitterFraction, 1 + JitterFraction): retries of many messages spread out.</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>An in-flight message without an ACK for this long is sent again (with backoff).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>AE and CE (content error).</summary>
    public OutboxErrorAction AePolicy { get; init; } = OutboxErrorAction.Park;

    /// <summary>AR and CR (rejected for reasons unrelated to the content).</summary>
    public OutboxErrorAction ArPolicy { get; init; } = OutboxErrorAction.Retry;

    /// <summary>
    /// False (default): a lost connection is not the message's fault: in-flight messages go back
    /// to the head of their order, due at once (the reconnect has its own backoff), never parked.
    /// True: treated like a timeout (backoff, parked once MaxAttempts is reached), for a receiver
    /// that drops the connection on a message it cannot digest.
    /// </summary>
    public bool ConnectionLossIsFailure { get; init; }

    /// <summary>How many delivered or discarded ids are remembered so that a replayed enqueue is ignored.</summary>
    public int RememberCompleted { get; init; } = 10_000;

    /// <summary>What an ACK code does: null for an accept (AA, CA).</summary>
    public OutboxErrorAction? ActionFor(AckCode code) => code switch
    {
        AckCode.AA or AckCode.CA => null,
        AckCode.AE or AckCode.CE => AePolicy,
        _ => ArPolicy,
    };

    /// <summary>
    /// The delay before the next attempt after <paramref name="attempts"/> sends:
    /// min(MaxDelay, BaseDelay * 2^(attempts-1)) scaled by 1 + JitterFraction * (2 * jitter - 1),
    /// <paramref name="jitter"/> in [0, 1). Also usable for reconnect delays.
    /// </summary>
    public TimeSpan Backoff(int attempts, double jitter)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 62);
        var delay = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent));
        var factor = 1 + (JitterFraction * ((2 * Math.Clamp(jitter, 0, 1)) - 1));
        return TimeSpan.FromTicks((long)Math.Max(0, delay * factor));
    }

    /// <summary>Everything wrong with this policy, empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxAttempts < 0)
        {
            problems.Add($"max attempts {MaxAttempts} is negative (0 = retry forever)");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            problems.Add($"base delay {BaseDelay} must be positive");
        }

        if (MaxDelay < BaseDelay)
        {
            problems.Add($"max delay {MaxDelay} is below the base delay {BaseDelay}");
        }

        if (JitterFraction is < 0 or > 1 || double.IsNaN(JitterFraction))
        {
            problems.Add($"jitter fraction {JitterFraction} is not within 0..1");
        }

        if (AckTimeout <= TimeSpan.Zero)
        {
            problems.Add($"ACK timeout {AckTimeout} must be positive");
        }

        if (RememberCompleted < 0)
        {
            problems.Add($"remember-completed {RememberCompleted} is negative");
        }

        return problems;
    }
}
