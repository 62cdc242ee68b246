using ActorBroker.Actors.Inbound;

namespace ActorBroker.Actors.Tests.Inbound;

public sealed class ApplyGateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int ms) => T0.AddMilliseconds(ms);

    private static void Intake(ApplyGate gate, int count, int atMs)
    {
        for (var i = 0; i < count; i++)
        {
            gate.OnIntake(At(atMs));
        }
    }

    [Fact]
    public void Off_it_always_applies_at_full_width_and_never_holds()
    {
        var gate = new ApplyGate(0, 0);
        Intake(gate, 10_000, 0);
        Assert.Equal(64, gate.Concurrency(At(1), backlog: 1_000_000, concurrency: 64));
        Assert.False(gate.ShouldYield(At(1), 1_000_000));
        Assert.False(gate.MustHold(1_000_000));
    }

    [Fact]
    public void The_rate_is_the_busier_of_the_last_full_window_and_the_current_one()
    {
        var gate = new ApplyGate(2000, 100);
        Intake(gate, 50, 0);
        Assert.Equal(500, gate.Rate(At(10)));
        Intake(gate, 10, 120); // a new window: the 50 are the last full one
        Assert.Equal(500, gate.Rate(At(130)));
        Intake(gate, 30, 150);
        Assert.Equal(500, gate.Rate(At(150)));
        Assert.Equal(400, gate.Rate(At(230))); // the 40 of the window that began at 120 are now the last full one
        Assert.Equal(0, gate.Rate(At(500))); // two quiet windows: nothing
    }

    [Fact]
    public void A_burst_above_the_threshold_pauses_applying_until_a_quiet_window()
    {
        var gate = new ApplyGate(2000, 100_000, whileReceiving: 2);
        Intake(gate, 300, 0); // 3,000 a second
        Assert.True(gate.ShouldYield(At(50), backlog: 300));
        Assert.Equal(0, gate.Concurrency(At(50), backlog: 300, concurrency: 64));
        Assert.Equal(0, gate.Concurrency(At(150), backlog: 300, concurrency: 64)); // the burst is still the last full window
        Assert.Equal(64, gate.Concurrency(At(400), backlog: 300, concurrency: 64)); // quiet: the whole width
    }

    [Fact]
    public void Below_the_threshold_while_messages_arrive_a_backlog_drains_narrow()
    {
        var gate = new ApplyGate(2000, 100_000, whileReceiving: 2);
        Intake(gate, 100, 0); // 1,000 a second
        Assert.False(gate.ShouldYield(At(50), backlog: 5_000));
        Assert.Equal(2, gate.Concurrency(At(50), backlog: 5_000, concurrency: 64));
        Assert.Equal(1, gate.Concurrency(At(50), backlog: 5_000, concurrency: 1)); // never wider than configured
    }

    [Fact]
    public void At_the_backlog_bound_applying_runs_full_width_and_new_messages_wait()
    {
        var gate = new ApplyGate(2000, 1_000, whileReceiving: 2);
        Intake(gate, 500, 0); // 5,000 a second
        Assert.False(gate.MustHold(999));
        Assert.Equal(0, gate.Concurrency(At(10), backlog: 999, concurrency: 64));
        Assert.True(gate.MustHold(1_000));
        Assert.False(gate.ShouldYield(At(10), 1_000));
        Assert.Equal(64, gate.Concurrency(At(10), backlog: 1_000, concurrency: 64));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    [InlineData(2000, 0)]
    public void Settings_that_could_starve_applying_or_make_no_sense_are_refused(int yieldAbove, int maxBacklog) =>
        Assert.ThrowsAny<ArgumentException>(() => new ApplyGate(yieldAbove, maxBacklog));
}
