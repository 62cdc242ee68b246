using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl modality show AE</c>: GET /api/modalities/{ae}.</summary>
internal static class ModalityShowCommand
{
    private const string AeTitle = "AE";

    public static CommandSpec Spec { get; } = new(
        Name: "modality show",
        Summary: "Show one modality: its site, character set, worklist items and association/query counters",
        Arguments: [new ArgumentSpec(AeTitle, "The station AE title (case-sensitive, e.g. CT01)")],
        Options: [],
        Handler: RunAsync,
        Details: "Exits 1 when no modality with this AE title is configured.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var ae = context.Argument(AeTitle);
        var m = await context.GetLookupAsync(CommandContext.Path("api/modalities/{0}", ae), $"modality {ae} is not configured");
        if (context.Json)
        {
            context.WriteJson(m);
            return ExitCodes.Ok;
        }

        new KeyValueWriter()
            .Add("AE title", m.Text("aeTitle"))
            .Add("Site", m.Text("site"))
            .Add("Modality", m.Text("modality"))
            .Add("Station name", m.Text("stationName"))
            .Add("Character set", m.Text("characterSet"))
            .Add("Worklist items", m.Text("worklistItems"))
            .Add("Associations", $"{m.Text("associations")} ({m.Text("activeAssociations")} open)")
            .Add("Rejected", m.Text("rejectedAssociations"))
            .Add("Queries", $"{m.Text("queries")} ({m.Text("failedQueries")} failed, {m.Text("cancelledQueries")} cancelled)")
            .Add("Items returned", m.Text("itemsReturned"))
            .Add("Last association", Formats.Timestamp(m.Text("lastAssociationAt")))
            .Add("Last query", Formats.Timestamp(m.Text("lastQueryAt")))
            .Add("Last query items", m.Text("lastQueryItems"))
            .Add("Last query ms", m.Text("lastQueryMilliseconds"))
            .Write(context.Out);
        return ExitCodes.Ok;
    }
}
