namespace ActorBroker.Cli;

/// <summary>
/// A failure that ends a command with a one-line message on stderr and a given exit code
/// (never a stack trace).
/// </summary>
public sealed class CliException : Exception
{
    public CliException()
        : this(ExitCodes.Unavailable, "command failed")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Unavailable, message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Unavailable;
    }

    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    internal static CliException NotFound(string message) => new(ExitCodes.NotFound, message);

    internal static CliException Rejected(string message) => new(ExitCodes.Usage, message);

    internal static CliException Unavailable(string message) => new(ExitCodes.Unavailable, message);

    internal static CliException Refused(string message) => new(ExitCodes.Refused, message);
}
