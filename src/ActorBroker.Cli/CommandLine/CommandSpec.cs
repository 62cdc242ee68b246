using ActorBroker.Cli.Commands;

namespace ActorBroker.Cli.CommandLine;

/// <summary>
/// One row of the command table: the words that name it ("order show"), its positional arguments,
/// its own options, the handler and the help text. Adding a command is a new spec and one line in
/// <see cref="CommandTable.Default"/>.
/// </summary>
internal sealed record CommandSpec(
    string Name,
    string Summary,
    IReadOnlyList<ArgumentSpec> Arguments,
    IReadOnlyList<OptionSpec> Options,
    Func<CommandContext, Task<int>> Handler,
    string? Details = null)
{
    public IReadOnlyList<string> Path { get; } = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string Synopsis
    {
        get
        {
            var parts = new List<string> { Name };
            parts.AddRange(Arguments.Select(a => a.Required ? a.Name : $"[{a.Name}]"));
            parts.AddRange(Options.Select(o => $"[{o.Synopsis}]"));
            return string.Join(' ', parts);
        }
    }
}

/// <summary>A positional argument, e.g. ACCESSION.</summary>
internal sealed record ArgumentSpec(string Name, string Help, bool Required = true);

internal enum OptionKind
{
    /// <summary>Present or not; takes no value.</summary>
    Flag,

    /// <summary>Takes a non-empty text value.</summary>
    Text,

    /// <summary>Takes an integer of at least 1.</summary>
    PositiveInteger,
}

/// <summary>A command option such as <c>--site SITE</c>; given as <c>--site X</c> or <c>--site=X</c>.</summary>
internal sealed record OptionSpec(string Name, string? ValueName, string Help, OptionKind Kind = OptionKind.Text)
{
    public string Synopsis => Kind == OptionKind.Flag ? Name : $"{Name} {ValueName}";
}
