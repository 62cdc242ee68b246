namespace ActorBroker.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.None).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs abctl in-process with captured output and a controlled environment.</summary>
internal static class Abctl
{
    public static Task<CliResult> RunAsync(FakeHandler handler, params string[] args) =>
        RunAsync(handler, new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(HttpMessageHandler? handler, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var runtime = new CliRuntime(handler, name => environment.GetValueOrDefault(name), TimeSpan.FromSeconds(10));
        return await RunAsync(runtime, args);
    }

    public static async Task<CliResult> RunAsync(CliRuntime runtime, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = await CliApp.RunAsync(args, stdout, stderr, runtime);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }
}
