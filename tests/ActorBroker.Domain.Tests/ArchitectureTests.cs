using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_domain_references_no_Akka_and_no_package()
    {
        var references = typeof(OrderDecider).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, n => n.StartsWith("Akka", StringComparison.OrdinalIgnoreCase));
        // Only the framework, the HL7 library and the DICOM library (MWL matching for the worklist index); neither has Akka or packages.
        Assert.All(references, n => Assert.True(n is "ActorBroker.Hl7" or "ActorBroker.Dicom" || n.StartsWith("System", StringComparison.Ordinal) || n == "netstandard", n));
        Assert.Contains("ActorBroker.Hl7", references);
    }
}
