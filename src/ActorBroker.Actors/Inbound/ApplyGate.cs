namespace ActorBroker.Actors.Inbound;

/// <summary>
/// When the inbound log applies what it has ACKed, and when it stops taking more: the ACK path comes first.
/// <list type="bullet">
/// <item>While messages arrive faster than <see cref="YieldAbove"/> a second (a burst: an EHR flushing its queue
/// after a downtime, a go-live load), applying to the orders pauses, so the CPU goes to journaling and ACKing and
/// the sender's queue drains at the journal's speed; the orders are applied as soon as the burst ends.</item>
/// <item>Applying never pauses once <see cref="MaxBacklog"/> messages are ACKed but not yet applied; at that point
/// new messages wait for the backlog to shrink before they are journaled (their sender waits for its ACK, and gets
/// AE 207 after the listener's ack-timeout), so a sender faster than the orders can follow for long is slowed
/// down instead of growing the backlog without bound.</item>
/// <item>Between the two, while messages keep arriving, at most <see cref="WhileReceiving"/> commands are applied at
/// once: draining a backlog at full width floods the journal and the thread pool, and the messages still arriving
/// wait behind it for their ACK (measured: p99 1 s at 1,000 messages/s behind a 10,000-message backlog at 64 wide,
/// 30 ms at 2). With nothing arriving, the full apply-concurrency drains the backlog. Two at a time apply ~1,000
/// orders a second here: a sender steadily faster than that (and below the burst rate) leaves the orders further
/// behind until it slows down or the backlog reaches its bound (measured at 1,800 a second: 16,000 behind after
/// 22 s). Applying at full width instead, the intake slowed by it can fall below the burst rate and end the pause,
/// and a burst no longer gets its ACKs first (measured: 3,192 ACKs/s in a run where width 2 gave 5,201).</item>
/// </list>
/// The rate is counted in windows of <see cref="Window"/>: the busier of the last full window and the current one.
/// </summary>
public sealed class ApplyGate
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _current;
    private int _previous;

    public ApplyGate(int yieldAbove, int maxBacklog, int whileReceiving = 0)
    {
        if (Problem(yieldAbove, maxBacklog) is { } problem)
        {
            throw new ArgumentException(problem, nameof(maxBacklog));
        }

        YieldAbove = yieldAbove;
        MaxBacklog = maxBacklog;
        WhileReceiving = whileReceiving;
    }

    /// <summary>Commands applied at once while messages arrive below <see cref="YieldAbove"/>; 0 = no limit.</summary>
    public int WhileReceiving { get; }

    /// <summary>Messages a second above which applying pauses; 0 = never pauses.</summary>
    public int YieldAbove { get; }

    /// <summary>ACKed-but-not-applied messages at which applying stops pausing and intake waits; 0 = no bound.</summary>
    public int MaxBacklog { get; }

    /// <summary>What is wrong with these settings (the configuration reader says it with the listener's path), or null.</summary>
    public static string? Problem(int yieldAbove, int maxBacklog) =>
        yieldAbove < 0 || maxBacklog < 0 ? "apply-yield-above and max-apply-backlog must be 0 or more"
        // Without a bound, a sender faster than the orders for good would starve applying for good.
        : yieldAbove > 0 && maxBacklog == 0 ? "apply-yield-above needs a max-apply-backlog above 0"
        : null;

    /// <summary>A message was taken in (journaling it begins).</summary>
    public void OnIntake(DateTimeOffset now)
    {
        Roll(now);
        _current++;
    }

    /// <summary>Messages a second over the busier of the last full window and the current one.</summary>
    public double Rate(DateTimeOffset now)
    {
        Roll(now);
        return Math.Max(_previous, _current) / Window.TotalSeconds;
    }

    /// <summary>Whether applying pauses now: a burst is on and the backlog is below its bound.</summary>
    public bool ShouldYield(DateTimeOffset now, int backlog) =>
        YieldAbove > 0 && backlog < MaxBacklog && Rate(now) > YieldAbove;

    /// <summary>How many commands may be applied at once now, of the configured <paramref name="concurrency"/>.</summary>
    public int Concurrency(DateTimeOffset now, int backlog, int concurrency)
    {
        if (MustHold(backlog))
        {
            return concurrency;
        }

        if (ShouldYield(now, backlog))
        {
            return 0;
        }

        return WhileReceiving > 0 && Rate(now) > 0 ? Math.Min(concurrency, WhileReceiving) : concurrency;
    }

    /// <summary>Whether a new message must wait before it is journaled.</summary>
    public bool MustHold(int backlog) => MaxBacklog > 0 && backlog >= MaxBacklog;

    private void Roll(DateTimeOffset now)
    {
        if (now - _windowStart < Window)
        {
            return;
        }

        // One window on: the current becomes the previous; more than one: both were quiet.
        _previous = now - _windowStart < Window + Window ? _current : 0;
        _current = 0;
        _windowStart = now;
    }
}
