namespace ActorBroker.Cli.CommandLine;

/// <summary>Options abctl accepts anywhere on the command line.</summary>
internal sealed record GlobalOptions(string? Endpoint, bool Json, bool Help)
{
    public const string EndpointOption = "--endpoint";
    public const string JsonOption = "--json";
    public const string HelpOption = "--help";
    public const string ShortHelpOption = "-h";
}

/// <summary>A command line resolved against the command table: what to run and with which values.</summary>
internal sealed record ParsedCommand(
    CommandSpec Spec,
    GlobalOptions Globals,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyDictionary<string, string> Options)
{
    public string Argument(string name) => Arguments[name];

    public string? Option(OptionSpec option) => Options.GetValueOrDefault(option.Name);

    public bool Flag(OptionSpec option) => Options.ContainsKey(option.Name);
}

/// <summary>What the parser decided: run a command, print help, or report a usage error.</summary>
internal abstract record ParseOutcome;

internal sealed record RunCommand(ParsedCommand Command) : ParseOutcome;

/// <summary>Help was asked for: print <see cref="Text"/> to stdout, exit 0.</summary>
internal sealed record HelpRequested(string Text) : ParseOutcome;

/// <summary>The line is not valid: print the message and <see cref="Usage"/> to stderr, exit 2.</summary>
internal sealed record UsageError(string Message, string Usage) : ParseOutcome;
