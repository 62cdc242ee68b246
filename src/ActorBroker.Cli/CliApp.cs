using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Commands;

namespace ActorBroker.Cli;

/// <summary>How abctl reaches the outside world; tests swap each part.</summary>
internal sealed record CliRuntime(HttpMessageHandler? Handler, Func<string, string?> GetEnvironmentVariable, TimeSpan Timeout)
{
    /// <summary>The commands to offer; the built-in table unless a test brings its own.</summary>
    public CommandTable Commands { get; init; } = CommandTable.Default;

    public static CliRuntime Default(HttpMessageHandler? handler) =>
        new(handler, Environment.GetEnvironmentVariable, CliApp.DefaultTimeout);
}

/// <summary>
/// abctl as a function: arguments in, text on two writers and an exit code out
/// (see <see cref="ExitCodes"/>). Program.Main only wires it to the console.
/// </summary>
public static class CliApp
{
    public const string DefaultEndpoint = "127.0.0.1:9110";
    public const string EndpointVariable = "ABCTL_ENDPOINT";

    /// <summary>Set to 1 to get stack traces of unexpected errors (bugs) on stderr.</summary>
    public const string DebugVariable = "ABCTL_DEBUG";

    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs one abctl command line.</summary>
    /// <param name="handler">The HTTP handler to use (a fake in tests); null for a real socket connection.</param>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null) =>
        RunAsync(args, stdout, stderr, CliRuntime.Default(handler));

    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        ParsedCommand command;
        switch (CommandParser.Parse(args, runtime.Commands))
        {
            case HelpRequested help:
                await stdout.WriteAsync(help.Text);
                return ExitCodes.Ok;
            case UsageError error:
                await stderr.WriteLineAsync($"{UsageText.Program}: {error.Message}");
                await stderr.WriteAsync(error.Usage);
                return ExitCodes.Usage;
            case RunCommand run:
                command = run.Command;
                break;
            default:
                throw new InvalidOperationException("unknown parse outcome");
        }

        var endpointText = command.Globals.Endpoint;
        var endpointSource = "--endpoint";
        if (endpointText is null)
        {
            endpointText = runtime.GetEnvironmentVariable(EndpointVariable);
            endpointSource = EndpointVariable;
            if (string.IsNullOrWhiteSpace(endpointText))
            {
                endpointText = DefaultEndpoint;
            }
        }

        if (!BrokerEndpoint.TryParse(endpointText, out var endpoint))
        {
            await stderr.WriteLineAsync($"{UsageText.Program}: invalid endpoint '{endpointText}' (from {endpointSource}): expected HOST:PORT, e.g. {DefaultEndpoint}");
            return ExitCodes.Usage;
        }

        using var client = new ManagementClient(endpoint, runtime.Handler, runtime.Timeout);
        var context = new CommandContext(command, client, stdout, stderr, CancellationToken.None);
        try
        {
            return await command.Spec.Handler(context);
        }
        catch (CliException ex)
        {
            await stderr.WriteLineAsync($"{UsageText.Program}: {ex.Message}");
            return ex.ExitCode;
        }
        catch (Exception ex)
        {
            // A bug in abctl, not an operator mistake: say so in one line unless asked for the trace.
            var debug = runtime.GetEnvironmentVariable(DebugVariable) is "1" or "true";
            await stderr.WriteLineAsync(debug
                ? $"{UsageText.Program}: unexpected error: {ex}"
                : $"{UsageText.Program}: unexpected error: {ex.GetType().Name}: {ex.Message} (set {DebugVariable}=1 for details)");
            return ExitCodes.Unavailable;
        }
    }
}
