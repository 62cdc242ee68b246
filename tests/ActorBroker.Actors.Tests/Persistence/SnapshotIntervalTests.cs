using ActorBroker.Actors.Persistence;
using Akka.Persistence;

namespace ActorBroker.Actors.Tests.Persistence;

public sealed class SnapshotIntervalTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Zero_or_less_never_snapshots_and_recovers_without_the_snapshot_store(int every)
    {
        var interval = new SnapshotInterval(every);
        Assert.False(interval.IsDue(1) || interval.IsDue(50) || interval.IsDue(100));
        Assert.Same(SnapshotlessRecovery.Instance, interval.Recovery(Recovery.Default));
        Assert.Equal(SnapshotSelectionCriteria.None, interval.Recovery(Recovery.Default).FromSnapshot);
    }

    [Fact]
    public void A_positive_interval_snapshots_every_that_many_events_and_keeps_the_default_recovery()
    {
        var interval = new SnapshotInterval(50);
        Assert.Equal([50L, 100L], Enumerable.Range(1, 120).Select(i => (long)i).Where(interval.IsDue));
        Assert.Same(Recovery.Default, interval.Recovery(Recovery.Default));
    }
}
