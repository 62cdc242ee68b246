using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Commands;
using ActorBroker.Cli.Output;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

/// <summary>The "adding a command" example of docs/cli.md, verbatim, run through the whole app.</summary>
public class CommandTableTests
{
    internal static class ModalityListCommand
    {
        private static readonly OptionSpec Site = CommonOptions.Site("Only this site's modalities");

        public static CommandSpec Spec { get; } = new(
            Name: "widget list",
            Summary: "List configured modalities",
            Arguments: [],
            Options: [Site],
            Handler: RunAsync);

        private static async Task<int> RunAsync(CommandContext context)
        {
            // GetLookupAsync(path, "modality X not found") for show commands: 404/empty -> exit 1.
            var document = await context.GetDocumentAsync(CommandContext.Query("api/modalities", ("site", context.Option(Site))));
            var modalities = context.RequireArray(document, "modalities");
            if (context.Json) { context.WriteJson(document); return ExitCodes.Ok; }
            var table = new TableWriter("AE title", "Modality", "Site");
            foreach (var m in modalities.EnumerateArray())
            {
                table.AddRow(m.Text("aeTitle"), m.Text("modality"), m.Text("site"));
            }
            table.Write(context.Out);
            return ExitCodes.Ok;
        }
    }

    [Fact]
    public async Task A_new_command_is_one_spec_and_one_table_entry()
    {
        var handler = new FakeHandler().On("/api/modalities?site=MAINHOSP", """{"modalities":[{"aeTitle":"CT01","modality":"CT","site":"MAINHOSP"}]}""");
        var runtime = new CliRuntime(handler, _ => null, TimeSpan.FromSeconds(10))
        {
            Commands = new CommandTable([.. CommandTable.Default.Commands, ModalityListCommand.Spec]),
        };

        var result = await Abctl.RunAsync(runtime, "widget", "list", "--site", "MAINHOSP");
        var help = await Abctl.RunAsync(runtime, "--help");
        var usage = await Abctl.RunAsync(runtime, "widget", "list", "--bogus");

        Assert.Equal((0, "AE TITLE  MODALITY  SITE\nCT01      CT        MAINHOSP\n"), (result.ExitCode, result.Out));
        Assert.Contains("  widget list [--site SITE]\n      List configured modalities\n", help.Out, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.StartsWith("abctl: unknown option '--bogus' for 'widget list'", usage.Error, StringComparison.Ordinal);
    }
}
