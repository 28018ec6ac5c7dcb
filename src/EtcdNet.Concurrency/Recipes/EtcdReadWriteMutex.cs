using EtcdNet.Concurrency.Internal;

namespace EtcdNet.Concurrency;

/// <summary>
/// A distributed readers-writer lock with the key layout and protocol of etcd's Go <c>recipe.RWMutex</c>: a reader
/// creates <c>prefix/read/&lt;unix nanos&gt;</c> and a writer <c>prefix/write/&lt;unix nanos&gt;</c>, both attached to the
/// session's lease. A reader waits until every writer key created before its own is gone; a writer waits until every
/// key (reader or writer) created before its own is gone. Waiters are served in creation order, so writers are not
/// starved. One instance tracks one held lock at a time; use one instance per concurrent holder.
/// </summary>
public sealed class EtcdReadWriteMutex
{
    private string? _myKey;
    private long _myRevision;

    /// <summary>Creates a readers-writer lock under <paramref name="prefix"/> for <paramref name="session"/>; no call is made to etcd.</summary>
    /// <param name="session">The session whose lease the lock keys are attached to.</param>
    /// <param name="prefix">The lock's prefix; the keys live under <c>prefix/</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is empty.</exception>
    public EtcdReadWriteMutex(EtcdSession session, string prefix)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Session = session;
        Prefix = prefix + "/";
    }

    /// <summary>The session the lock uses.</summary>
    public EtcdSession Session { get; }

    /// <summary>The key prefix shared by every reader and writer (the prefix followed by <c>/</c>).</summary>
    public string Prefix { get; }

    /// <summary>The key this instance holds or waits with, or null when it holds nothing.</summary>
    public string? Key => _myKey;

    /// <summary>
    /// Acquires the lock for reading (Go: <c>RLock</c>): waits until no writer that queued before this call holds or
    /// waits for the lock. Cancelling the wait removes this reader's key.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">This instance already holds or waits for the lock.</exception>
    /// <exception cref="EtcdSessionExpiredException">The session's lease ended while waiting.</exception>
    public Task ReadLockAsync(CancellationToken cancellationToken = default)
        => AcquireAsync("read", Prefix + "write/", cancellationToken);

    /// <summary>
    /// Acquires the lock for writing (Go: <c>Lock</c>): waits until every reader and writer that queued before this call
    /// has released it. Cancelling the wait removes this writer's key.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">This instance already holds or waits for the lock.</exception>
    /// <exception cref="EtcdSessionExpiredException">The session's lease ended while waiting.</exception>
    public Task LockAsync(CancellationToken cancellationToken = default)
        => AcquireAsync("write", Prefix, cancellationToken);

    /// <summary>Releases a read lock (Go: <c>RUnlock</c>): deletes this reader's key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">This instance holds no lock.</exception>
    public Task ReadUnlockAsync(CancellationToken cancellationToken = default) => ReleaseAsync(cancellationToken);

    /// <summary>Releases a write lock (Go: <c>Unlock</c>): deletes this writer's key.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">This instance holds no lock.</exception>
    public Task UnlockAsync(CancellationToken cancellationToken = default) => ReleaseAsync(cancellationToken);

    private async Task AcquireAsync(string kind, string blockingPrefix, CancellationToken cancellationToken)
    {
        if (_myKey is not null)
        {
            throw new InvalidOperationException("This lock instance already holds or waits for the lock '" + Prefix + "'.");
        }

        var client = Session.Client;
        var (key, revision) = await RecipeEphemeralKey.CreateAsync(Session, Prefix + kind, cancellationToken).ConfigureAwait(false);
        _myKey = key;
        _myRevision = revision;
        try
        {
            await DeleteWaiter.WaitDeletesAsync(client, blockingPrefix, revision - 1, cancellationToken).ConfigureAwait(false);
            if (!await RecipeEphemeralKey.ExistsAsync(client, key, revision, cancellationToken).ConfigureAwait(false))
            {
                throw new EtcdSessionExpiredException("The session's lease ended while waiting for the lock '" + Prefix + "'.");
            }
        }
        catch (Exception e) when (e is not EtcdSessionExpiredException)
        {
            _myKey = null;
            await RecipeEphemeralKey.RemoveAbandonedAsync(client, key, revision).ConfigureAwait(false);
            throw;
        }
        catch (EtcdSessionExpiredException)
        {
            _myKey = null;
            throw;
        }
    }

    private async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var key = _myKey ?? throw new InvalidOperationException("This lock instance does not hold the lock '" + Prefix + "'.");
        await RecipeEphemeralKey.DeleteAsync(Session.Client, key, _myRevision, cancellationToken).ConfigureAwait(false);
        _myKey = null;
    }
}
