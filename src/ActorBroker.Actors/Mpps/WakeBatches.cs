namespace ActorBroker.Actors.Mpps;

/// <summary>How many studies <see cref="MppsHandOverResumer"/> wakes at once, and how long it waits between
/// batches. A few hundred a second keeps a large resume (after a long outage) from starving live traffic.</summary>
public sealed record WakeBatches(int Size, TimeSpan Interval)
{
    public static readonly WakeBatches Default = new(200, TimeSpan.FromSeconds(1));
}
