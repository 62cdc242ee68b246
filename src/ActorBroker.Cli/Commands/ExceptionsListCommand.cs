using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl exceptions list [--limit N]</c>: GET /api/exceptions?limit=.</summary>
internal static class ExceptionsListCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "exceptions list",
        Summary: "List inbound messages the broker rejected (NAK'd) or could not process, newest first",
        Arguments: [],
        Options: [CommonOptions.Limit],
        Handler: RunAsync);

    private static async Task<int> RunAsync(CommandContext context)
    {
        var document = await context.GetDocumentAsync(
            CommandContext.Query("api/exceptions", ("limit", context.Option(CommonOptions.Limit))));
        var exceptions = context.RequireArray(document, "exceptions");
        if (context.Json)
        {
            context.WriteJson(document);
            return ExitCodes.Ok;
        }

        var items = exceptions.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            context.Out.WriteLine("no exceptions");
            return ExitCodes.Ok;
        }

        // Repeats of the same bad message are counted by the broker, when it reports the count.
        var counted = items.Any(e => e.Has("occurrences"));
        var columns = new List<Column>
        {
            new("ID"), new("Timestamp"), new("Source"), new("Message type"), new("Control ID"), new("ACK"), new("Location"),
        };
        if (counted)
        {
            columns.Add(new Column("Count", Align.Right));
        }

        columns.Add(new Column("Reason"));
        var table = new TableWriter([.. columns]);
        foreach (var e in items)
        {
            var cells = new List<string?>
            {
                e.Text("id"), Formats.Timestamp(e.Text("timestamp")), e.Text("source"), e.Text("messageType"),
                e.Text("messageControlId"), e.Text("ackCode"), e.Text("location"),
            };
            if (counted)
            {
                cells.Add(e.Text("occurrences"));
            }

            cells.Add(e.Text("reason"));
            table.AddRow([.. cells]);
        }

        table.Write(context.Out);
        var total = document.Number("total");
        if (total is { } t && t > items.Count)
        {
            context.Error.WriteLine($"{items.Count} of {t} exceptions shown; use --limit to see more");
        }

        return ExitCodes.Ok;
    }
}
