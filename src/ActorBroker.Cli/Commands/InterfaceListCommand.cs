using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl interface list</c>: GET /api/interfaces.</summary>
internal static class InterfaceListCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "interface list",
        Summary: "List the HL7 interfaces (inbound listeners, outbound connections) with their state, queue and last error",
        Arguments: [],
        Options: [],
        Handler: RunAsync,
        Details: "QUEUE, IN-FLIGHT and PARKED count outbound messages waiting, being sent, and set aside after failing; "
            + "OLDEST is the age of the oldest of them. 'interface show NAME' lists the messages.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var document = await context.GetDocumentAsync("api/interfaces");
        var interfaces = context.RequireArray(document, "interfaces");
        if (context.Json)
        {
            context.WriteJson(document);
            return ExitCodes.Ok;
        }

        var items = interfaces.EnumerateArray().ToList();
        if (items.Count == 0)
        {
            context.Out.WriteLine("no interfaces");
            return ExitCodes.Ok;
        }

        var table = new TableWriter(
            new Column("Name"), new Column("Direction"), new Column("Kind"), new Column("Endpoint"), new Column("State"),
            new Column("Connected"), new Column("Queue", Align.Right), new Column("In-flight", Align.Right),
            new Column("Parked", Align.Right), new Column("Oldest", Align.Right), new Column("Retries", Align.Right),
            new Column("Last error"));
        foreach (var i in items)
        {
            table.AddRow(
                i.Text("name"), i.Text("direction"), i.Text("kind"), i.Text("endpoint"), i.Text("state"),
                InterfaceFields.Connected(i), i.Text("queueDepth"), i.Text("inFlight"), i.Text("parked"),
                InterfaceFields.Oldest(i), i.Text("retries"), Formats.Clip(i.Text("lastError"), InterfaceFields.ErrorColumns));
        }

        table.Write(context.Out);
        return ExitCodes.Ok;
    }
}
