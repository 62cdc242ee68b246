namespace ActorBroker.Cli.Commands;

/// <summary>
/// The shared body of <c>interface retry</c> and <c>interface discard</c>: POST the action on one
/// message, then say what happened in one line (or print the broker's answer with --json).
/// </summary>
internal static class InterfaceMessageAction
{
    /// <param name="action">The last path segment: "retry" or "discard".</param>
    /// <param name="done">The line to print, given the message id.</param>
    public static async Task<int> RunAsync(CommandContext context, string action, Func<string, string> done)
    {
        var name = context.Argument(InterfaceFields.Name);
        var id = context.Argument(InterfaceFields.MessageId);
        var answer = await context.PostAsync(InterfaceFields.MessageAction(name, id, action), $"no message {id} on interface {name}");
        if (context.Json)
        {
            if (answer is { } document)
            {
                context.WriteJson(document);
            }

            return ExitCodes.Ok;
        }

        context.Out.WriteLine(Output.TerminalText.Sanitize(done(answer?.Text("id") ?? id)));
        return ExitCodes.Ok;
    }
}
