using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Commands;

/// <summary>Error text as etcdctl shows it: etcd's own message ("etcdserver: …") where the server gave one.</summary>
internal static class MaintenanceErrors
{
    public static string Message(Exception error) => error switch
    {
        EtcdException { ServerMessage: { Length: > 0 } server } => server,
        EtcdLeaseNotFoundException => "etcdserver: requested lease not found",
        OperationCanceledException => "context deadline exceeded", // callers let an interruption pass: this is --command-timeout
        _ => ErrorReporter.Describe(error).Message,
    };

    /// <summary>A failure reported as "Error: message" with <paramref name="exitCode"/>.</summary>
    public static CliException Wrap(Exception error, int exitCode = ExitCodes.Error, string format = "{0}")
        => error as CliException ?? new CliException(exitCode, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Message(error)), error);
}
