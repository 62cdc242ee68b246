using BenchmarkDotNet.Running;

namespace ActorBroker.Benchmarks;

/// <summary>Runs whichever benchmarks the command line selects, e.g. <c>--filter '*Hl7*' --job short</c>,
/// <c>--worklist-loop ITEMS QUERIES [THREADS]</c> (<see cref="WorklistServingLoop"/>) or <c>--worklist-wire ...</c>
/// (<see cref="WorklistWireClient"/>).</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--worklist-loop", ..])
        {
            return WorklistServingLoop.Run(args);
        }

        if (args is ["--worklist-wire", ..])
        {
            return WorklistWireClient.RunAsync(args).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
