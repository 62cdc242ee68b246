namespace ActorBroker.Interop.Tests;

/// <summary>
/// The kill -9 test in a collection of its own: it runs beside the peer interop classes (each has
/// its own broker process, data folder and ports) rather than after them, which keeps the project
/// well under a minute on two cores; its deadlines allow for the shared load.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CrashRecoveryCollection
{
    public const string Name = "crash recovery";
}
