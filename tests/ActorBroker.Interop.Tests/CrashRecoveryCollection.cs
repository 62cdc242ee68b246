namespace ActorBroker.Interop.Tests;

/// <summary>
/// The kill -9 test loads the machine on purpose: it runs alone, after the other collections of this
/// assembly, so neither it nor they are timed against each other's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashRecoveryCollection
{
    public const string Name = "crash recovery (runs alone)";
}
