namespace EtcdNet.Cli.Commands;

/// <summary>
/// A cancellation the user did not ask for (no Ctrl+C, no SIGTERM) comes from --command-timeout: etcdctl reports that
/// as "context deadline exceeded" (exit 1), not as an interruption.
/// </summary>
internal static class CommandTimeouts
{
    /// <summary><paramref name="error"/>, or a <see cref="TimeoutException"/> when it is a cancellation that <paramref name="interrupted"/> did not cause.</summary>
    public static Exception AsTimeout(Exception error, CancellationToken interrupted)
        => error is OperationCanceledException && !interrupted.IsCancellationRequested
            ? new TimeoutException("context deadline exceeded", error)
            : error;
}
