namespace EtcdNet.Cli.Errors;

/// <summary>A failure a command reports as one line on stderr ("Error: message") with an etcdctl exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this(ExitCodes.Error, "error")
    {
    }

    public CliException(string message)
        : this(ExitCodes.Error, message)
    {
    }

    public CliException(string message, Exception innerException)
        : this(ExitCodes.Error, message, innerException)
    {
    }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }

    /// <summary>Bad arguments or flags (exit 128, as etcdctl).</summary>
    public static CliException BadArgs(string message) => new(ExitCodes.BadArgs, message);

    /// <summary>Malformed input such as a txn request (exit 3).</summary>
    public static CliException InvalidInput(string message) => new(ExitCodes.InvalidInput, message);

    /// <summary>A valid flag with a value the command does not support (exit 4).</summary>
    public static CliException BadFeature(string message) => new(ExitCodes.BadFeature, message);
}
