namespace ActorBroker.Dicom.Network;

/// <summary>
/// The Association Request/Reject/Release Timer of PS3.8 9.1.5, driven by a <see cref="TimeProvider"/>
/// (tests advance a fake clock). <see cref="Start"/> also restarts a running timer, as AA-1 requires.
/// A callback that races with a restart is recognised by its deadline and dropped.
/// </summary>
internal sealed class ArtimTimer : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action _onExpired;
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private DateTimeOffset? _deadline;
    private bool _disposed;

    public ArtimTimer(TimeProvider timeProvider, TimeSpan timeout, Action onExpired)
    {
        _timeProvider = timeProvider;
        Timeout = timeout;
        _onExpired = onExpired;
        _timer = timeProvider.CreateTimer(static state => ((ArtimTimer)state!).OnTimer(), this, System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _deadline is not null;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _deadline = _timeProvider.GetUtcNow() + Timeout;
            _timer.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _deadline = null;
            _timer.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _deadline = null;
        }

        _timer.Dispose();
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            if (_deadline is not { } deadline || _timeProvider.GetUtcNow() < deadline)
            {
                return;
            }

            _deadline = null;
        }

        _onExpired();
    }
}
