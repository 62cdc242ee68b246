namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Upper bounds for awaits in network tests: they fail instead of hanging; nothing waits for them on the happy path.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);
}
