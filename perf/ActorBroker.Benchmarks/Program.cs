using BenchmarkDotNet.Running;

namespace ActorBroker.Benchmarks;

/// <summary>Runs whichever benchmarks the command line selects, e.g. <c>--filter '*Hl7*' --job short</c>.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
