using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl interface show NAME</c>: GET /api/interfaces/{name}, its counters and its waiting messages.</summary>
internal static class InterfaceShowCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "interface show",
        Summary: "Show one HL7 interface: state, counters, last error and its pending, in-flight and parked messages",
        Arguments: [InterfaceFields.NameArgument],
        Options: [],
        Handler: RunAsync,
        Details: "Messages are listed oldest first (the broker sends at most 100). Exits 1 when no interface has this name.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var name = context.Argument(InterfaceFields.Name);
        var i = await context.GetLookupAsync(CommandContext.Path("api/interfaces/{0}", name), $"no interface {name}");
        if (context.Json)
        {
            context.WriteJson(i);
            return ExitCodes.Ok;
        }

        var details = new KeyValueWriter()
            .Add("Name", i.Text("name"))
            .Add("Direction", i.Text("direction"))
            .Add("Kind", i.Text("kind"))
            .Add("Endpoint", i.Text("endpoint"))
            .Add("State", i.Text("state"))
            .Add("Connected", InterfaceFields.ConnectedWithCount(i))
            .Add("Queue depth", i.Text("queueDepth"))
            .Add("In flight", i.Text("inFlight"))
            .Add("Parked", i.Text("parked"))
            .Add("Oldest message", InterfaceFields.Oldest(i))
            .Add("Retries", i.Text("retries"));

        // Inbound interfaces count accepted/rejected messages, outbound ones delivered: show what is reported.
        foreach (var (label, field) in new[] { ("Delivered", "delivered"), ("Accepted", "accepted"), ("Rejected", "rejected"), ("Applied", "applied"), ("Applying", "applying") })
        {
            if (i.Has(field))
            {
                details.Add(label, i.Text(field));
            }
        }

        details
            .Add("Errors", i.Text("errors"))
            .Add("Last error", i.Text("lastError"))
            .Add("Last error at", Formats.Timestamp(i.Text("lastErrorAt")))
            .Add("Last message at", Formats.Timestamp(i.Text("lastMessageAt")))
            .Write(context.Out);

        var messages = i.Items("messages").ToList();
        var table = new TableWriter(
            new Column("ID"), new Column("State"), new Column("Attempts", Align.Right), new Column("Enqueued"),
            new Column("Next attempt"), new Column("Order"), new Column("Control ID"), new Column("Kind"),
            new Column("Summary"), new Column("Last error"));
        foreach (var m in messages)
        {
            table.AddRow(
                m.Text("id"), m.Text("state"), m.Text("attempts"), Formats.Timestamp(m.Text("enqueuedAt")),
                Formats.Timestamp(m.Text("nextAttemptAt")), m.Text("order"), m.Text("messageControlId"), m.Text("kind"),
                m.Text("summary"), Formats.Clip(m.Text("lastError"), InterfaceFields.ErrorColumns));
        }

        table.WriteSection(context.Out, "MESSAGES");
        if (i.Number("totalMessages") is { } total && total > messages.Count)
        {
            context.Error.WriteLine($"{messages.Count} of {total} messages shown (the oldest)");
        }

        return ExitCodes.Ok;
    }
}
