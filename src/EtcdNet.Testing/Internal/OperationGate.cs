namespace EtcdNet.Testing.Internal;

/// <summary>
/// Serializes a member's long-running operations and, once closed, cancels the running one and
/// rejects new ones with <see cref="ObjectDisposedException"/>. Created by the cluster and disposed
/// by the member at the end of its shutdown.
/// </summary>
internal sealed class OperationGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly string _ownerName;

    internal OperationGate(string ownerName) => _ownerName = ownerName;

    /// <summary>Runs <paramref name="operation"/> alone, with a token that is also cancelled by <see cref="CloseAsync"/>.</summary>
    internal async Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_lifetime.IsCancellationRequested, _ownerName);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        await _turn.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_lifetime.IsCancellationRequested, _ownerName);
            await operation(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Cancels the running operation, waits for it, then runs <paramref name="final"/> alone. Later calls only run <paramref name="final"/> after earlier ones.</summary>
    internal async Task CloseAsync(Func<Task> final)
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            await final().ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Releases the semaphore and the token source; call after <see cref="CloseAsync"/>.</summary>
    public void Dispose()
    {
        _turn.Dispose();
        _lifetime.Dispose();
    }
}
