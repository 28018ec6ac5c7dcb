namespace EtcdNet.Cli.Commands;

/// <summary>Waiting while a lock or leadership is held.</summary>
internal static class LockWait
{
    /// <summary>Completes when either token is cancelled.</summary>
    public static async Task UntilAsync(CancellationToken first, CancellationToken second)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(first, second);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
