using System.Security.Authentication;

namespace EtcdNet.Cli.Errors;

/// <summary>Turns any failure into etcdctl's form: "Error: message" on stderr and its exit code. Never a stack trace.</summary>
internal static class ErrorReporter
{
    /// <summary>Writes the one-line message and returns the exit code for <paramref name="error"/>.</summary>
    public static int Report(Exception error, TextWriter stderr)
    {
        var (code, message) = Describe(error);
        stderr.WriteLine("Error: " + OneLine(message));
        return code;
    }

    /// <summary>The exit code and message for <paramref name="error"/>.</summary>
    public static (int Code, string Message) Describe(Exception error) => error switch
    {
        CliException e => (e.ExitCode, e.Message),
        EtcdTimeoutException => (ExitCodes.Error, "context deadline exceeded"),
        EtcdUnavailableException e => (ExitCodes.Error, e.Message),
        EtcdProtocolException e => (ExitCodes.BadConnection, e.Message),
        EtcdAuthFailedException e => (ExitCodes.BadConnection, e.Message), // etcdctl fails to create its client: exit 2
        EtcdException e => (ExitCodes.Error, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "context canceled"),
        TimeoutException => (ExitCodes.Error, "context deadline exceeded"),
        FileNotFoundException e => (ExitCodes.IO, e.FileName is { } f ? $"open {f}: no such file or directory" : e.Message),
        DirectoryNotFoundException e => (ExitCodes.IO, e.Message),
        UnauthorizedAccessException e => (ExitCodes.IO, e.Message),
        IOException e => (ExitCodes.IO, e.Message),
        AuthenticationException e => (ExitCodes.BadConnection, e.Message),
        FormatException e => (ExitCodes.BadArgs, e.Message),
        ArgumentException e => (ExitCodes.BadArgs, e.Message),
        _ => (ExitCodes.Error, error.Message),
    };

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "unknown error" : line;
    }
}
