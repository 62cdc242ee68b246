using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl modality list [--site SITE]</c>: GET /api/modalities?site=.</summary>
internal static class ModalityListCommand
{
    private static readonly OptionSpec Site = CommonOptions.Site("Only this site's modalities");

    public static CommandSpec Spec { get; } = new(
        Name: "modality list",
        Summary: "List the configured modalities (DICOM station AE titles) with their worklist and query counters",
        Arguments: [],
        Options: [Site],
        Handler: RunAsync,
        Details: "Also shows the DICOM SCP (AE title, endpoint), the worklist read model, and AE titles that called without being configured.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var document = await context.GetDocumentAsync(CommandContext.Query("api/modalities", ("site", context.Option(Site))));
        var modalities = context.RequireArray(document, "modalities");
        if (context.Json)
        {
            context.WriteJson(document);
            return ExitCodes.Ok;
        }

        var scp = document.Object("scp");
        var worklist = document.Object("worklist");
        new KeyValueWriter()
            .Add("DICOM SCP", $"{scp.Text("aeTitle")} {scp.Text("status")} on {scp.Text("endpoint")}")
            .Add("Worklist", $"{worklist.Text("status")}, {worklist.Text("items")} items of {worklist.Text("orders")} orders")
            .Write(context.Out);
        context.Out.WriteLine();

        var items = modalities.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            context.Out.WriteLine("no modalities configured");
        }
        else
        {
            var table = new TableWriter(
                new Column("AE title"), new Column("Site"), new Column("Modality"), new Column("Charset"),
                new Column("Items", Align.Right), new Column("Assocs", Align.Right), new Column("Rejected", Align.Right),
                new Column("Queries", Align.Right), new Column("Returned", Align.Right), new Column("Last query"));
            foreach (var m in items)
            {
                table.AddRow(
                    m.Text("aeTitle"), m.Text("site"), m.Text("modality"), m.Text("characterSet"),
                    m.Text("worklistItems"), m.Text("associations"), m.Text("rejectedAssociations"),
                    m.Text("queries"), m.Text("itemsReturned"), Formats.Timestamp(m.Text("lastQueryAt")));
            }

            table.Write(context.Out);
        }

        var unknown = document.Items("unknownCallers").ToList();
        if (unknown.Count > 0)
        {
            context.Out.WriteLine();
            context.Out.WriteLine("UNCONFIGURED CALLERS");
            var table = new TableWriter(new Column("AE title"), new Column("Assocs", Align.Right), new Column("Rejected", Align.Right), new Column("Queries", Align.Right), new Column("Last seen"));
            foreach (var u in unknown)
            {
                table.AddRow(u.Text("aeTitle"), u.Text("associations"), u.Text("rejected"), u.Text("queries"), Formats.Timestamp(u.Text("lastSeen")));
            }

            table.Write(context.Out);
        }

        return ExitCodes.Ok;
    }
}
