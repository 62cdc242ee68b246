using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Commands;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class ParserTests
{
    private static ParseOutcome Parse(params string[] args) => CommandParser.Parse(args, CommandTable.Default);

    private static ParsedCommand Parsed(params string[] args) =>
        Assert.IsType<RunCommand>(Parse(args)).Command;

    [Theory]
    [InlineData("--json", "--endpoint", "10.0.0.5:9200", "order", "show", "ACC1")]
    [InlineData("order", "--json", "show", "ACC1", "--endpoint", "10.0.0.5:9200")]
    [InlineData("order", "show", "--endpoint=10.0.0.5:9200", "ACC1", "--json")]
    [InlineData("order", "show", "ACC1", "--json", "--endpoint", "10.0.0.5:9200")]
    public void Global_options_are_accepted_anywhere(params string[] args)
    {
        var command = Parsed(args);

        Assert.Equal("order show", command.Spec.Name);
        Assert.Equal("ACC1", command.Argument("ACCESSION"));
        Assert.True(command.Globals.Json);
        Assert.Equal("10.0.0.5:9200", command.Globals.Endpoint);
    }

    [Fact]
    public void Command_options_take_separate_or_inline_values_in_any_order()
    {
        var command = Parsed("orders", "list", "--limit=5", "--state", "Scheduled", "--site", "MAINHOSP");

        Assert.Equal("orders list", command.Spec.Name);
        Assert.Equal("5", command.Options["--limit"]);
        Assert.Equal("Scheduled", command.Options["--state"]);
        Assert.Equal("MAINHOSP", command.Options["--site"]);
        Assert.False(command.Globals.Json);
        Assert.Null(command.Globals.Endpoint);
    }

    [Fact]
    public void Option_before_the_argument_and_double_dash_for_odd_values()
    {
        Assert.Equal("ACC1", Parsed("order", "show", "--site", "A", "ACC1").Argument("ACCESSION"));
        Assert.Equal("-ACC1", Parsed("order", "show", "--", "-ACC1").Argument("ACCESSION"));
    }

    [Theory]
    [InlineData("unknown option '--bogus' for 'orders list'", "orders", "list", "--bogus")]
    [InlineData("unknown option '--site' for 'exceptions list'", "exceptions", "list", "--site", "A")]
    [InlineData("unknown option '-x'", "-x")]
    [InlineData("missing argument ACCESSION for 'order show'", "order", "show")]
    [InlineData("missing argument ID for 'exceptions show'", "exceptions", "show", "--json")]
    [InlineData("unexpected argument 'EXTRA' for 'order show'", "order", "show", "ACC1", "EXTRA")]
    [InlineData("option --site needs a value (SITE)", "order", "show", "ACC1", "--site")]
    [InlineData("option --site needs a value (SITE)", "order", "show", "ACC1", "--site=")]
    [InlineData("option --site needs a value (SITE)", "order", "show", "ACC1", "--site", "--json")]
    [InlineData("option --site given more than once", "order", "show", "ACC1", "--site", "A", "--site", "B")]
    [InlineData("option --limit needs a whole number of at least 1, not 'ten'", "orders", "list", "--limit", "ten")]
    [InlineData("option --limit needs a whole number of at least 1, not '-3'", "orders", "list", "--limit=-3")]
    [InlineData("option --endpoint needs a value (HOST:PORT)", "health", "--endpoint")]
    [InlineData("option --json takes no value", "health", "--json=yes")]
    [InlineData("missing command")]
    [InlineData("unknown command 'bogus'", "bogus")]
    [InlineData("unknown command 'helth'; did you mean 'health'?", "helth")]
    [InlineData("unknown command 'orders show'; did you mean 'order show'?", "orders", "show", "ACC1")]
    [InlineData("'exceptions' needs a subcommand", "exceptions")]
    public void Usage_errors_name_the_problem(string message, params string[] args)
    {
        var error = Assert.IsType<UsageError>(Parse(args));

        Assert.Equal(message, error.Message);
        Assert.StartsWith("Usage: abctl", error.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("--json", "help")]
    public void General_help(params string[] args)
    {
        var help = Assert.IsType<HelpRequested>(Parse(args));

        Assert.StartsWith("Usage: abctl [--endpoint HOST:PORT] [--json] COMMAND [ARGS]", help.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order", "show", "--help")]
    [InlineData("order", "show", "-h")]
    [InlineData("--help", "order", "show")]
    [InlineData("order", "show", "ACC1", "--bogus-is-ignored-when-asking-for-help", "--help")]
    [InlineData("help", "order", "show")]
    public void Command_help_even_without_its_arguments(params string[] args)
    {
        var help = Assert.IsType<HelpRequested>(Parse(args));

        Assert.StartsWith("Usage: abctl order show ACCESSION [--site SITE]", help.Text, StringComparison.Ordinal);
        Assert.Contains("--site SITE", help.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exceptions", "--help")]
    [InlineData("help", "exceptions")]
    public void Group_help_lists_its_subcommands(params string[] args)
    {
        var help = Assert.IsType<HelpRequested>(Parse(args));

        Assert.Contains("exceptions list [--limit N]", help.Text, StringComparison.Ordinal);
        Assert.Contains("exceptions show ID", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("order show", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_in_the_table_has_help_and_is_listed_in_the_usage()
    {
        var usage = UsageText.General(CommandTable.Default);
        foreach (var command in CommandTable.Default.Commands)
        {
            Assert.Contains("  " + command.Synopsis + "\n", usage, StringComparison.Ordinal);
            var help = Assert.IsType<HelpRequested>(Parse([.. command.Path, "--help"]));
            Assert.Contains(command.Summary, help.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_command_is_a_table_row()
    {
        var spec = new CommandSpec("widget list", "List modalities", [], [CommonOptions.Site("site")], _ => Task.FromResult(0));
        var table = new CommandTable([.. CommandTable.Default.Commands, spec]);

        var command = Assert.IsType<RunCommand>(CommandParser.Parse(["widget", "list", "--site", "A"], table)).Command;

        Assert.Same(spec, command.Spec);
        Assert.Equal("A", command.Options["--site"]);
        Assert.Throws<ArgumentException>(() => new CommandTable([spec, spec]));
    }

    [Fact]
    public async Task Usage_errors_exit_2_with_usage_on_stderr_and_nothing_on_stdout()
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, "orders", "list", "--bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("abctl: unknown option '--bogus' for 'orders list'\nUsage: abctl orders list [--site SITE] [--state STATE] [--limit N]\n", result.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task No_arguments_prints_the_usage_to_stderr_and_exits_2()
    {
        var result = await Abctl.RunAsync(new FakeHandler());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: abctl [--endpoint HOST:PORT] [--json] COMMAND [ARGS]", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Help_goes_to_stdout_and_exits_0_without_calling_the_broker()
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("orders list [--site SITE] [--state STATE] [--limit N]", result.Out, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
