using System.Text;

namespace ActorBroker.Cli.CommandLine;

/// <summary>The help and usage texts, generated from the command table.</summary>
internal static class UsageText
{
    public const string Program = "abctl";

    public static string General(CommandTable table)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {Program} [--endpoint HOST:PORT] [--json] COMMAND [ARGS]");
        text.AppendLine();
        text.AppendLine("Operator CLI for the ActorBroker management API.");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var command in table.Commands)
        {
            text.AppendLine($"  {command.Synopsis}");
            text.AppendLine($"      {command.Summary}");
        }

        text.AppendLine("  help [COMMAND]");
        text.AppendLine("      Show this text, or the help of one command");
        text.AppendLine();
        AppendGlobalOptions(text);
        text.AppendLine();
        AppendExitCodes(text);
        text.AppendLine();
        text.AppendLine($"Run '{Program} COMMAND --help' for the arguments and options of one command.");
        return text.ToString();
    }

    public static string ForCommand(CommandSpec spec)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {Program} {spec.Synopsis}");
        text.AppendLine();
        text.AppendLine(spec.Summary + ".");
        if (spec.Details is not null)
        {
            text.AppendLine();
            text.AppendLine(spec.Details);
        }

        if (spec.Arguments.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Arguments:");
            AppendTwoColumns(text, spec.Arguments.Select(a => (a.Name, a.Help)));
        }

        if (spec.Options.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Options:");
            AppendTwoColumns(text, spec.Options.Select(o => (o.Synopsis, o.Help)));
        }

        text.AppendLine();
        AppendGlobalOptions(text);
        text.AppendLine();
        AppendExitCodes(text);
        return text.ToString();
    }

    /// <summary>The short reminder printed under a usage error for one command.</summary>
    public static string ForCommandError(CommandSpec spec) =>
        $"Usage: {Program} {spec.Synopsis}{Environment.NewLine}Run '{Program} {spec.Name} --help' for details.{Environment.NewLine}";

    public static string ForGroup(string group, IReadOnlyList<CommandSpec> members)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {Program} {group} SUBCOMMAND [ARGS]");
        text.AppendLine();
        text.AppendLine("Commands:");
        foreach (var command in members)
        {
            text.AppendLine($"  {command.Synopsis}");
            text.AppendLine($"      {command.Summary}");
        }

        text.AppendLine();
        text.AppendLine($"Run '{Program} {group} SUBCOMMAND --help' for details.");
        return text.ToString();
    }

    private static void AppendGlobalOptions(StringBuilder text)
    {
        text.AppendLine("Global options (accepted anywhere on the line):");
        AppendTwoColumns(text,
        [
            ("--endpoint HOST:PORT", $"Management API address (default: ${CliApp.EndpointVariable}, else {CliApp.DefaultEndpoint})"),
            ("--json", "Print the broker's JSON (pretty-printed) instead of tables"),
            ("-h, --help", "Show help"),
        ]);
    }

    private static void AppendExitCodes(StringBuilder text)
    {
        text.AppendLine("Exit codes:");
        AppendTwoColumns(text,
        [
            (ExitCodes.Ok.ToString(System.Globalization.CultureInfo.InvariantCulture), "OK, found"),
            (ExitCodes.NotFound.ToString(System.Globalization.CultureInfo.InvariantCulture), "Not found"),
            (ExitCodes.Usage.ToString(System.Globalization.CultureInfo.InvariantCulture), "Usage error (unknown command or option, missing argument, rejected value)"),
            (ExitCodes.Unavailable.ToString(System.Globalization.CultureInfo.InvariantCulture), "Broker unreachable, or it answered with a server error"),
            (ExitCodes.Refused.ToString(System.Globalization.CultureInfo.InvariantCulture), "Refused: a replay rejected again, a retry/discard the broker would not do (actions only)"),
        ]);
    }

    private static void AppendTwoColumns(StringBuilder text, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Left.Length);
        foreach (var (left, right) in list)
        {
            text.AppendLine($"  {left.PadRight(width)}  {right}");
        }
    }
}
