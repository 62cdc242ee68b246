namespace ActorBroker.Host.Tests.Launch;

/// <summary>A clock the test moves by hand (launch links expire by it; nothing here needs timers).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
