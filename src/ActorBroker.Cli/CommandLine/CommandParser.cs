using System.Globalization;

namespace ActorBroker.Cli.CommandLine;

/// <summary>
/// Hand-written parser: <c>abctl [global options] WORDS... [args] [options]</c>.
/// Global options (--endpoint, --json, --help/-h) are taken from anywhere before a <c>--</c>;
/// the command is the longest run of leading words naming a table entry; what follows are its
/// positional arguments and its own options (<c>--name VALUE</c> or <c>--name=VALUE</c>, in any order).
/// </summary>
internal static class CommandParser
{
    private const string EndOfOptions = "--";

    public static ParseOutcome Parse(IReadOnlyList<string> args, CommandTable table)
    {
        var rest = new List<string>();
        var globalError = ExtractGlobals(args, rest, out var globals);
        if (globalError is not null)
        {
            return new UsageError(globalError, UsageText.General(table));
        }

        var words = rest.TakeWhile(t => !IsOptionLike(t) && t != EndOfOptions).ToList();
        if (words.Count == 0)
        {
            if (globals.Help)
            {
                return new HelpRequested(UsageText.General(table));
            }

            return rest.Count == 0
                ? new UsageError("missing command", UsageText.General(table))
                : new UsageError($"unknown option '{rest[0]}'", UsageText.General(table));
        }

        if (words[0] == "help")
        {
            return HelpFor(words.Skip(1).ToList(), rest.Skip(words.Count).ToList(), table);
        }

        var spec = table.Match(words);
        if (spec is null)
        {
            return Unmatched(words, globals.Help, table);
        }

        if (globals.Help)
        {
            return new HelpRequested(UsageText.ForCommand(spec));
        }

        return ParseCommand(spec, globals, rest.Skip(spec.Path.Count).ToList());
    }

    private static string? ExtractGlobals(IReadOnlyList<string> args, List<string> rest, out GlobalOptions globals)
    {
        string? endpoint = null;
        var json = false;
        var help = false;
        globals = new GlobalOptions(null, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == EndOfOptions)
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            var (name, inlineValue) = SplitOption(token);
            switch (name)
            {
                case GlobalOptions.JsonOption:
                case GlobalOptions.HelpOption:
                case GlobalOptions.ShortHelpOption:
                    if (inlineValue is not null)
                    {
                        return $"option {name} takes no value";
                    }

                    json |= name == GlobalOptions.JsonOption;
                    help |= name != GlobalOptions.JsonOption;
                    break;
                case GlobalOptions.EndpointOption:
                    if (endpoint is not null)
                    {
                        return $"option {name} given more than once";
                    }

                    var value = inlineValue;
                    if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }

                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return $"option {name} needs a value (HOST:PORT)";
                    }

                    endpoint = value;
                    break;
                default:
                    rest.Add(token);
                    break;
            }
        }

        globals = new GlobalOptions(endpoint, json, help);
        return null;
    }

    private static ParseOutcome HelpFor(List<string> words, List<string> trailing, CommandTable table)
    {
        if (trailing.Count > 0)
        {
            return new UsageError($"unexpected '{trailing[0]}' after help", UsageText.General(table));
        }

        if (words.Count == 0)
        {
            return new HelpRequested(UsageText.General(table));
        }

        var spec = table.Match(words);
        if (spec is not null && spec.Path.Count == words.Count)
        {
            return new HelpRequested(UsageText.ForCommand(spec));
        }

        return spec is null
            ? Unmatched(words, help: true, table)
            : UnknownCommand(words.Take(spec.Path.Count + 1).ToList(), words, table);
    }

    private static ParseOutcome Unmatched(List<string> words, bool help, CommandTable table)
    {
        // "abctl orders" or "abctl orders bogus": a group word; show what it holds.
        for (var n = words.Count; n >= 1; n--)
        {
            var group = words.Take(n).ToList();
            var members = table.UnderGroup(group);
            if (members.Count == 0)
            {
                continue;
            }

            var groupName = string.Join(' ', group);
            if (n == words.Count)
            {
                return help
                    ? new HelpRequested(UsageText.ForGroup(groupName, members))
                    : new UsageError($"'{groupName}' needs a subcommand", UsageText.ForGroup(groupName, members));
            }

            // Name only the words up to the unknown one, not the arguments after it.
            return new UsageError(UnknownMessage(words.Take(n + 1).ToList(), words, table), UsageText.ForGroup(groupName, members));
        }

        return UnknownCommand(words.Take(1).ToList(), words, table);
    }

    private static UsageError UnknownCommand(List<string> shown, List<string> words, CommandTable table) =>
        new(UnknownMessage(shown, words, table), UsageText.General(table));

    // shown: the words up to the unknown one; words: all leading words, for the suggestion.
    private static string UnknownMessage(List<string> shown, List<string> words, CommandTable table)
    {
        var message = $"unknown command '{string.Join(' ', shown)}'";
        var suggestion = table.Suggest(words);
        return suggestion is null ? message : $"{message}; did you mean '{suggestion.Name}'?";
    }

    private static ParseOutcome ParseCommand(CommandSpec spec, GlobalOptions globals, List<string> tokens)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positionalOnly = false;
        var nextArgument = 0;
        UsageError Error(string message) => new(message, UsageText.ForCommandError(spec));

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!positionalOnly && token == EndOfOptions)
            {
                positionalOnly = true;
                continue;
            }

            if (!positionalOnly && IsOptionLike(token))
            {
                var (name, inlineValue) = SplitOption(token);
                var option = spec.Options.FirstOrDefault(o => o.Name == name);
                if (option is null)
                {
                    return Error($"unknown option '{name}' for '{spec.Name}'");
                }

                if (options.ContainsKey(option.Name))
                {
                    return Error($"option {option.Name} given more than once");
                }

                if (option.Kind == OptionKind.Flag)
                {
                    if (inlineValue is not null)
                    {
                        return Error($"option {option.Name} takes no value");
                    }

                    options[option.Name] = "true";
                    continue;
                }

                var value = inlineValue;
                if (value is null && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = tokens[++i];
                }

                if (string.IsNullOrWhiteSpace(value))
                {
                    return Error($"option {option.Name} needs a value ({option.ValueName})");
                }

                if (option.Kind == OptionKind.PositiveInteger
                    && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1))
                {
                    return Error($"option {option.Name} needs a whole number of at least 1, not '{value}'");
                }

                options[option.Name] = value;
                continue;
            }

            if (nextArgument >= spec.Arguments.Count)
            {
                return Error($"unexpected argument '{token}' for '{spec.Name}'");
            }

            var argument = spec.Arguments[nextArgument++];
            if (string.IsNullOrWhiteSpace(token))
            {
                return Error($"{argument.Name} must not be empty");
            }

            arguments[argument.Name] = token;
        }

        var missing = spec.Arguments.Skip(nextArgument).FirstOrDefault(a => a.Required);
        if (missing is not null)
        {
            return Error($"missing argument {missing.Name} for '{spec.Name}'");
        }

        return new RunCommand(new ParsedCommand(spec, globals, arguments, options));
    }

    // "-x", "--name", "--name=value"; a lone "-" is a value (conventionally stdin), not an option.
    private static bool IsOptionLike(string token) => token.Length > 1 && token[0] == '-';

    private static (string Name, string? Value) SplitOption(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal))
        {
            return (token, null);
        }

        var eq = token.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (token, null) : (token[..eq], token[(eq + 1)..]);
    }
}
