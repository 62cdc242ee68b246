namespace ActorBroker.Cli;

/// <summary>The process exit codes of abctl (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>The command ran and found what it looked for.</summary>
    public const int Ok = 0;

    /// <summary>The looked-up order or exception does not exist (HTTP 404 or an empty lookup).</summary>
    public const int NotFound = 1;

    /// <summary>Unknown command or option, missing argument, or arguments the broker rejected.</summary>
    public const int Usage = 2;

    /// <summary>The management endpoint could not be reached or answered with a server error.</summary>
    public const int Unavailable = 3;

    /// <summary>
    /// The broker did the action and said no: a replayed exception was rejected again, or a retry or
    /// discard was refused in the message's current state (HTTP 409). Distinct from 1 so that a
    /// script can tell "no such thing" from "tried, did not take".
    /// </summary>
    public const int Refused = 4;
}
