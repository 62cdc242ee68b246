using ActorBroker.Cli.Commands;

namespace ActorBroker.Cli.CommandLine;

/// <summary>The commands abctl knows, in the order the usage text lists them.</summary>
internal sealed class CommandTable
{
    public static CommandTable Default { get; } = new(
    [
        HealthCommand.Spec,
        OrdersListCommand.Spec,
        OrderShowCommand.Spec,
        ExceptionsListCommand.Spec,
        ExceptionsShowCommand.Spec,
        ExceptionsReplayCommand.Spec,
        ModalityListCommand.Spec,
        ModalityShowCommand.Spec,
        InterfaceListCommand.Spec,
        InterfaceShowCommand.Spec,
        InterfaceRetryCommand.Spec,
        InterfaceDiscardCommand.Spec,
        StudyShowCommand.Spec,
    ]);

    public CommandTable(IReadOnlyList<CommandSpec> commands)
    {
        var duplicate = commands.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"command '{duplicate.Key}' is defined twice", nameof(commands));
        }

        Commands = commands;
    }

    public IReadOnlyList<CommandSpec> Commands { get; }

    /// <summary>The command named by the longest prefix of <paramref name="words"/>, if any.</summary>
    public CommandSpec? Match(IReadOnlyList<string> words) =>
        Commands
            .Where(c => c.Path.Count <= words.Count && c.Path.Select((w, i) => w == words[i]).All(x => x))
            .MaxBy(c => c.Path.Count);

    /// <summary>Commands whose name starts with the given words ("orders" -> "orders list").</summary>
    public IReadOnlyList<CommandSpec> UnderGroup(IReadOnlyList<string> words) =>
        Commands
            .Where(c => c.Path.Count > words.Count && words.Select((w, i) => c.Path[i] == w).All(x => x))
            .ToList();

    /// <summary>
    /// A near miss worth suggesting: singular/plural mixed up ("orders show" -> "order show") or a
    /// typo of a letter or two ("helth" -> "health").
    /// </summary>
    public CommandSpec? Suggest(IReadOnlyList<string> words) =>
        Commands
            .Where(c => c.Path.Count <= words.Count)
            .Select(c => (Command: c, Distance: Distance(Stem(string.Join(' ', c.Path)), Stem(string.Join(' ', words.Take(c.Path.Count))))))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance)
            .ThenByDescending(x => x.Command.Path.Count)
            .Select(x => x.Command)
            .FirstOrDefault();

    private static string Stem(string name) =>
        string.Join(' ', name.Split(' ').Select(w => w.Length > 1 && w.EndsWith('s') ? w[..^1] : w));

    // Levenshtein distance; command names are short.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
