using BenchmarkDotNet.Running;

namespace ActorBroker.Benchmarks;

/// <summary>Runs whichever benchmarks the command line selects, e.g. <c>--filter '*Hl7*' --job short</c>,
/// or <c>--worklist-loop ITEMS QUERIES [THREADS]</c> (<see cref="WorklistServingLoop"/>).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--worklist-loop", ..])
        {
            return WorklistServingLoop.Run(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
