using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl orders list</c>: GET /api/orders?site=&amp;state=&amp;limit=.</summary>
internal static class OrdersListCommand
{
    private static readonly OptionSpec Site = CommonOptions.Site("Only orders of this site (e.g. MAINHOSP)");
    private static readonly OptionSpec State = new("--state", "STATE", "Only orders in this state (e.g. Scheduled); the broker checks the name");

    public static CommandSpec Spec { get; } = new(
        Name: "orders list",
        Summary: "List orders known to the broker, optionally by site and state",
        Arguments: [],
        Options: [Site, State, CommonOptions.Limit],
        Handler: RunAsync,
        Details: "Times are shown with the offset the broker reports (scheduled starts in the site's time zone).");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var limit = context.Option(CommonOptions.Limit);
        var document = await context.GetDocumentAsync(CommandContext.Query(
            "api/orders", ("site", context.Option(Site)), ("state", context.Option(State)), ("limit", limit)));
        var orders = context.RequireArray(document, "orders");
        if (context.Json)
        {
            context.WriteJson(document);
            return ExitCodes.Ok;
        }

        var table = new TableWriter(
            "Site", "Accession", "State", "Patient ID", "Patient name", "Modality", "Station", "Scheduled start", "Updated");
        foreach (var order in orders.EnumerateArray())
        {
            table.AddRow(
                order.Text("site"),
                order.Text("accession"),
                order.Text("state"),
                order.Text("patientId"),
                order.Text("patientName"),
                order.Text("modality"),
                order.Text("stationAeTitle"),
                Formats.Timestamp(order.Text("scheduledStart")),
                Formats.Timestamp(order.Text("updatedAt")));
        }

        if (table.RowCount == 0)
        {
            context.Out.WriteLine("no orders");
            return ExitCodes.Ok;
        }

        table.Write(context.Out);
        var total = document.Number("total");
        if (total is { } t && t > table.RowCount)
        {
            // stderr, so that piping the table into other tools sees only the table.
            context.Error.WriteLine($"{table.RowCount} of {t} orders shown; use --limit to see more");
        }

        return ExitCodes.Ok;
    }
}
