namespace ActorBroker.Hl7.Tests;

public sealed class AssemblyTests
{
    [Fact]
    public void The_HL7_library_does_not_reference_Akka_or_any_package()
    {
        var references = typeof(Hl7Message).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Akka", StringComparison.Ordinal));
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal), name));
    }
}
