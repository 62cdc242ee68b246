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
}
