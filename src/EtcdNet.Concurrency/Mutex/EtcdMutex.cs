using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// A distributed mutex with the same key layout and protocol as etcd's Go <c>concurrency.Mutex</c> (and so
/// <c>etcdctl lock</c>): each session creates <c>name/&lt;lease hex&gt;</c> attached to its lease, and the key with the
/// lowest create revision under the prefix holds the lock; the others wait, each for the deletion of the keys created
/// before its own. The create revision of the holder's key is a fencing token.
/// </summary>
public sealed class EtcdMutex
{
    private static readonly TimeSpan MinCleanupTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxCleanupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates a mutex named <paramref name="name"/> for <paramref name="session"/>; no call is made to etcd.</summary>
    /// <param name="session">The session whose lease the lock key is attached to.</param>
    /// <param name="name">The mutex name; the keys live under <c>name/</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public EtcdMutex(EtcdSession session, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Session = session;
        Prefix = ConcurrencyKeys.Prefix(name);
        Key = ConcurrencyKeys.OwnerKey(Prefix, session.LeaseId);
    }

    /// <summary>The session the mutex uses.</summary>
    public EtcdSession Session { get; }

    /// <summary>The key prefix shared by every contender (the name followed by <c>/</c>).</summary>
    public string Prefix { get; }

    /// <summary>This session's key under <see cref="Prefix"/> (the prefix followed by the lease ID in lowercase hex).</summary>
    public string Key { get; }

    /// <summary>
    /// Acquires the lock, waiting for earlier contenders to release it. If this session already holds the lock, it is
    /// re-acquired at once with the same revision (Go semantics). Cancelling the wait removes this session's key.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="EtcdSessionExpiredException">The session's lease ended while waiting.</exception>
    public async Task<EtcdLockHandle> LockAsync(CancellationToken cancellationToken = default)
    {
        var (owned, revision, header) = await TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (owned)
        {
            return new EtcdLockHandle(this, revision, header);
        }

        try
        {
            await DeleteWaiter.WaitDeletesAsync(Session.Client, Prefix, revision - 1, cancellationToken).ConfigureAwait(false);
            var mine = await Session.Client.GetAsync(Key, null, cancellationToken).ConfigureAwait(false);
            if (mine.Kvs.Count == 0 || mine.Kvs[0].CreateRevision != revision)
            {
                throw new EtcdSessionExpiredException("The session's lease ended while waiting for the lock '" + Prefix + "'.");
            }

            header = mine.Header;
        }
        catch (Exception e) when (e is not EtcdSessionExpiredException)
        {
            await RecipeEphemeralKey.RemoveAbandonedAsync(Session.Client, Key, revision).ConfigureAwait(false); // best effort, within 5 s
            throw;
        }

        return new EtcdLockHandle(this, revision, header);
    }

    /// <summary>
    /// Acquires the lock if no other session holds it (Go: <c>TryLock</c>); otherwise removes this session's key and
    /// returns null.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The held lock, or null when another session holds it.</returns>
    public async Task<EtcdLockHandle?> TryLockAsync(CancellationToken cancellationToken = default)
    {
        var (owned, revision, header) = await TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (owned)
        {
            return new EtcdLockHandle(this, revision, header);
        }

        await ReleaseAsync(revision, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Deletes this session's key if it still has <paramref name="revision"/> as its create revision.</summary>
    /// <param name="revision">The create revision of the key to delete.</param>
    /// <param name="cancellationToken">
    /// Cancels the call; when it cannot be cancelled, the release is retried through failovers for up to the session's TTL
    /// (at least 5 s, at most 30 s): past that, the key would be gone with the lease if the session were lost anyway.
    /// </param>
    /// <exception cref="TimeoutException">The key could not be deleted within that limit (it stays until the session's lease ends).</exception>
    internal async Task ReleaseAsync(long revision, CancellationToken cancellationToken)
    {
        using var limit = cancellationToken.CanBeCanceled ? null : new CancellationTokenSource(CleanupLimit(Session.Ttl));
        var token = limit?.Token ?? cancellationToken;
        try
        {
            await Session.Client.Txn()
                .If(Compare.CreateRevision(Key, CompareOp.Equal, revision))
                .Then(Op.Delete(Key))
                .Repeatable(untilCancelled: limit is not null)
                .CommitAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (limit is not null && limit.IsCancellationRequested)
        {
            throw new TimeoutException($"The lock key {Key} could not be deleted within {CleanupLimit(Session.Ttl).TotalSeconds:0} s; it is deleted when the session's lease ends.", e);
        }
    }

    private static TimeSpan CleanupLimit(TimeSpan ttl)
        => ttl < MinCleanupTimeout ? MinCleanupTimeout : ttl > MaxCleanupTimeout ? MaxCleanupTimeout : ttl;

    /// <summary>
    /// One transaction: create this session's key unless it exists, and read the current owner (the first-created key).
    /// Safe to repeat, so it is retried on transient failures.
    /// </summary>
    private async Task<(bool Owned, long Revision, ResponseHeader Header)> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var response = await Session.Client.Txn()
            .If(Compare.CreateRevision(Key, CompareOp.Equal, 0))
            .Then(Op.Put(Key, "", new PutOptions { Lease = Session.LeaseId }), Op.Get(Prefix, GetOptions.FirstCreate))
            .Else(Op.Get(Key), Op.Get(Prefix, GetOptions.FirstCreate))
            .Repeatable()
            .CommitAsync(cancellationToken).ConfigureAwait(false);
        var revision = response.Succeeded ? response.Header.Revision : response.Responses[0].Get!.Kvs[0].CreateRevision;
        var owner = response.Responses[1].Get!.Kvs;
        return (owner.Count == 0 || owner[0].CreateRevision == revision, revision, response.Header);
    }
}
