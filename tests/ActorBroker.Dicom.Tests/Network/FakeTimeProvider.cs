namespace ActorBroker.Dicom.Tests.Network;

/// <summary>
/// A manual clock: timers fire only when <see cref="Advance"/> moves time past their due time.
/// <see cref="WhenTimerArmedAsync"/> lets a test wait (without sleeping) until code under test has armed
/// a timer with a given due time. Timers are one-shot (periods are ignored): ARTIM and timeouts need no more.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Signal)> _armWaiters = [];
    private DateTimeOffset _now = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes once a timer is (or already was) armed with <paramref name="dueTime"/> and not yet fired or disarmed.</summary>
    public Task WhenTimerArmedAsync(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_timers.Any(t => t.Armed && t.DueTime == dueTime))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _armWaiters.Add((dueTime, signal));
            return signal.Task;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<FakeTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Armed && t.DueAt <= _now).ToList();
            foreach (var timer in due)
            {
                timer.Armed = false;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void OnArmed(FakeTimer timer)
    {
        List<TaskCompletionSource> signals;
        lock (_gate)
        {
            signals = _armWaiters.Where(w => w.Due == timer.DueTime).Select(w => w.Signal).ToList();
            _armWaiters.RemoveAll(w => w.Due == timer.DueTime);
        }

        foreach (var signal in signals)
        {
            signal.TrySetResult();
        }
    }

    private void Remove(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public bool Armed { get; set; }

        public TimeSpan DueTime { get; private set; }

        public DateTimeOffset DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Armed = dueTime != Timeout.InfiniteTimeSpan;
                DueTime = dueTime;
                DueAt = owner._now + (Armed ? dueTime : TimeSpan.Zero);
            }

            if (Armed)
            {
                owner.OnArmed(this);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                Armed = false;
            }

            owner.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
