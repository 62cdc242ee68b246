using System.Text;
using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl exceptions show ID</c>: GET /api/exceptions/{id}, with the raw message one segment a line.</summary>
internal static class ExceptionsShowCommand
{
    private const string Id = "ID";

    public static CommandSpec Spec { get; } = new(
        Name: "exceptions show",
        Summary: "Show one exception with the raw message as received, one segment per line",
        Arguments: [new ArgumentSpec(Id, "The exception id (e.g. EX-000001, from 'exceptions list')")],
        Options: [],
        Handler: RunAsync,
        Details: "Control characters in the raw message are shown escaped (\\x1B); --json gives the exact rawBase64.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var id = context.Argument(Id);
        var exception = await context.GetLookupAsync(CommandContext.Path("api/exceptions/{0}", id), $"exception {id} not found");
        if (context.Json)
        {
            context.WriteJson(exception);
            return ExitCodes.Ok;
        }

        var details = new KeyValueWriter()
            .Add("ID", exception.Text("id"))
            .Add("Timestamp", Formats.Timestamp(exception.Text("timestamp")));
        if (exception.Has("lastSeen"))
        {
            details.Add("Last seen", Formats.Timestamp(exception.Text("lastSeen")));
        }

        if (exception.Has("occurrences"))
        {
            details.Add("Occurrences", exception.Text("occurrences"));
        }

        details
            .Add("Source", exception.Text("source"))
            .Add("Remote", exception.Text("remote"))
            .Add("Message type", exception.Text("messageType"))
            .Add("Control ID", exception.Text("messageControlId"))
            .Add("ACK code", exception.Text("ackCode"))
            .Add("Location", exception.Text("location"))
            .Add("Reason", exception.Text("reason"))
            .Write(context.Out);

        var raw = RawText(exception);
        var length = exception.Text("rawLength");
        context.Out.WriteLine();
        context.Out.WriteLine(length is null ? "RAW MESSAGE" : $"RAW MESSAGE ({length} bytes)");
        if (raw is null)
        {
            context.Out.WriteLine("(not available)");
            return ExitCodes.Ok;
        }

        foreach (var segment in TerminalText.Segments(raw))
        {
            context.Out.WriteLine(segment);
        }

        return ExitCodes.Ok;
    }

    // rawText is the broker's decoding (UTF-8, else Latin-1); fall back to decoding rawBase64 the same way.
    private static string? RawText(System.Text.Json.JsonElement exception)
    {
        var text = exception.Text("rawText");
        if (text is not null)
        {
            return text;
        }

        var base64 = exception.Text("rawBase64");
        if (base64 is null)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
