namespace EtcdNet.Concurrency;

/// <summary>
/// A held <see cref="EtcdMutex"/> lock. Dispose it (or call <see cref="UnlockAsync"/>) to release the lock. Guard
/// writes made under the lock with <c>Compare.CreateRevision(Key, CompareOp.Equal, Revision)</c> so that they only
/// apply while the lock is still held.
/// </summary>
public sealed class EtcdLockHandle : IAsyncDisposable
{
    private readonly EtcdMutex _mutex;
    private int _released;

    internal EtcdLockHandle(EtcdMutex mutex, long revision, ResponseHeader header)
    {
        _mutex = mutex;
        Revision = revision;
        Header = header;
    }

    /// <summary>The lock key owned by this session (<c>name/&lt;lease hex&gt;</c>).</summary>
    public string Key => _mutex.Key;

    /// <summary>The create revision of <see cref="Key"/>: a fencing token that grows with every acquisition.</summary>
    public long Revision { get; }

    /// <summary>
    /// The header of the response that confirmed the acquisition (Go: <c>Mutex.Header()</c>). Its revision is the
    /// store revision when the lock was acquired: equal to <see cref="Revision"/> when the lock was free, higher after a wait.
    /// </summary>
    public ResponseHeader Header { get; }

    /// <summary>Cancelled when the session's lease is lost, which also releases the lock.</summary>
    public CancellationToken Lost => _mutex.Session.Lost;

    /// <summary>Releases the lock by deleting <see cref="Key"/> (only if it is still the key this handle acquired). Idempotent.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    public async Task UnlockAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        try
        {
            await _mutex.ReleaseAsync(Revision, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Volatile.Write(ref _released, 0);
            throw;
        }
    }

    /// <summary>
    /// Releases the lock like <see cref="UnlockAsync"/>, retrying through failovers for up to the session's TTL
    /// (between 5 and 30 s); throws <see cref="TimeoutException"/> if the key could not be deleted by then.
    /// </summary>
    /// <returns>A task that completes when the key is deleted.</returns>
    public async ValueTask DisposeAsync() => await UnlockAsync(CancellationToken.None).ConfigureAwait(false);
}
