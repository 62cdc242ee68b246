using ActorBroker.Cli.CommandLine;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl interface retry NAME ID</c>: POST /api/interfaces/{name}/messages/{id}/retry.</summary>
internal static class InterfaceRetryCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "interface retry",
        Summary: "Queue a parked or waiting outbound message to be sent again (changes broker state)",
        Arguments: [InterfaceFields.NameArgument, InterfaceFields.MessageArgument],
        Options: [],
        Handler: context => InterfaceMessageAction.RunAsync(context, "retry", id => $"message {id} queued for retry"),
        Details: "The message goes back to pending and is sent at the next opportunity. "
            + "Exits 1 when the interface or message does not exist, 4 when the broker refuses in the message's current state.");
}
