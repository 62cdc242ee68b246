using ActorBroker.Cli.CommandLine;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl interface discard NAME ID</c>: POST /api/interfaces/{name}/messages/{id}/discard.</summary>
internal static class InterfaceDiscardCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "interface discard",
        Summary: "Drop an outbound message for good: it will not be sent (changes broker state)",
        Arguments: [InterfaceFields.NameArgument, InterfaceFields.MessageArgument],
        Options: [],
        Handler: context => InterfaceMessageAction.RunAsync(context, "discard", id => $"message {id} discarded"),
        Details: "There is no undo and no confirmation prompt: the receiver never gets this message. "
            + "Exits 1 when the interface or message does not exist, 4 when the broker refuses in the message's current state.");
}
