using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Tests.Network;

public sealed class ArtimTimerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Expires_once_the_clock_passes_the_timeout()
    {
        var clock = new FakeTimeProvider();
        var expired = 0;
        using var timer = new ArtimTimer(clock, Timeout, () => expired++);

        timer.Start();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, expired);
        Assert.True(timer.IsRunning);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, expired);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public void Stop_prevents_expiry_and_restart_counts_from_the_restart()
    {
        var clock = new FakeTimeProvider();
        var expired = 0;
        using var timer = new ArtimTimer(clock, Timeout, () => expired++);

        timer.Start();
        clock.Advance(TimeSpan.FromSeconds(20));
        timer.Stop();
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, expired);

        timer.Start();
        clock.Advance(TimeSpan.FromSeconds(20));
        timer.Start(); // AA-1: "start (or restart if already started)"
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, expired);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, expired);
    }

    [Fact]
    public void Disposed_timer_ignores_start()
    {
        var clock = new FakeTimeProvider();
        var expired = 0;
        var timer = new ArtimTimer(clock, Timeout, () => expired++);
        timer.Dispose();
        timer.Start();
        timer.Stop();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, expired);
    }
}
