using ActorBroker.Cli.CommandLine;

namespace ActorBroker.Cli.Commands;

/// <summary>Options shared by several commands, defined once.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Limit =
        new("--limit", "N", "Return at most N entries (the broker's default when omitted)", OptionKind.PositiveInteger);

    public static OptionSpec Site(string help) => new("--site", "SITE", help);
}
