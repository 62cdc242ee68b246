using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl exceptions replay ID</c>: POST /api/exceptions/{id}/replay, then the outcome as the exit code.</summary>
internal static class ExceptionsReplayCommand
{
    private const string Id = "ID";

    public static CommandSpec Spec { get; } = new(
        Name: "exceptions replay",
        Summary: "Process an exception's raw message again, e.g. after fixing the cause (changes broker state)",
        Arguments: [new ArgumentSpec(Id, "The exception id (e.g. EX-000001, from 'exceptions list')")],
        Options: [],
        Handler: RunAsync,
        Details: "Prints the outcome. Exits 0 when it was accepted or was a duplicate (already processed), "
            + "4 when it was rejected again, 3 when processing failed (try again later), 1 when no such exception exists. "
            + "With --json the exit code is the same.");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var id = context.Argument(Id);
        var answer = await context.PostAsync(CommandContext.Path("api/exceptions/{0}/replay", id), $"exception {id} not found");
        var outcome = answer?.Text("outcome");
        if (answer is not { } document || string.IsNullOrWhiteSpace(outcome))
        {
            throw CliException.Unavailable(
                $"ActorBroker management endpoint at {context.Client.Endpoint} answered the replay of {id} without an outcome; check 'abctl exceptions show {id}'");
        }

        if (context.Json)
        {
            context.WriteJson(document);
        }
        else
        {
            var detail = document.Text("detail");
            context.Out.WriteLine(TerminalText.Sanitize(
                $"exception {document.Text("id") ?? id} replayed: {outcome}" + (string.IsNullOrWhiteSpace(detail) ? "" : $" ({detail})")));
        }

        return ExitCode(outcome);
    }

    /// <summary>accepted/duplicate 0, failed 3 (the broker's trouble, worth retrying), rejected and anything unknown 4.</summary>
    internal static int ExitCode(string outcome) =>
        Is(outcome, "accepted") || Is(outcome, "duplicate") ? ExitCodes.Ok
        : Is(outcome, "failed") ? ExitCodes.Unavailable
        : ExitCodes.Refused;

    private static bool Is(string outcome, string value) => string.Equals(outcome.Trim(), value, StringComparison.OrdinalIgnoreCase);
}
