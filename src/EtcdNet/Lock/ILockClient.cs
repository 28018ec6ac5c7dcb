namespace EtcdNet;

/// <summary>
/// etcd's Lock service (v3lockpb): distributed locks held as long as a lease lives. Acquiring a lock
/// creates an ownership key <c>{name}/{lease ID in hex}</c> attached to the lease; the waiter with the
/// oldest key holds the lock. The lock is released by <see cref="UnlockAsync"/>, or by the server when
/// the lease expires or is revoked.
/// </summary>
/// <remarks>
/// The ownership key's create revision (read it with <c>GetAsync(response.Key)</c>) is a fencing token:
/// it grows with every acquisition of the lock, so a resource can refuse a holder whose token is older
/// than one it has already seen. Writes to etcd itself can be guarded in a transaction with
/// <c>Compare.CreateRevision(key, CompareOp.Equal, createRevision)</c>, which fails once the lock is lost.
/// One lease is one holder: locking a name again with a lease that already holds or waits for it
/// returns the same key at once (etcd treats it as the same acquisition).
/// </remarks>
public interface ILockClient
{
    /// <summary>
    /// Acquires the named lock, waiting as long as it takes: the client's request timeout does not
    /// apply, only <paramref name="cancellationToken"/> bounds the wait. Cancelling a wait withdraws it
    /// (etcd deletes the waiter's key).
    /// </summary>
    /// <param name="name">The lock's name (a key prefix; the ownership key is created under <c>{name}/</c>).</param>
    /// <param name="leaseId">The lease the ownership is attached to; keep it alive for as long as you hold the lock.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The ownership key, which exists for as long as the lock is held.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leaseId"/> is not positive.</exception>
    /// <exception cref="EtcdLeaseNotFoundException">The lease does not exist (expired, revoked, or never granted).</exception>
    /// <exception cref="EtcdOutcomeUnknownException">
    /// The connection broke while waiting; the lock may or may not be held. Call <see cref="LockAsync"/>
    /// again with the same lease (it returns the same key if etcd still has it), or revoke the lease.
    /// </exception>
    Task<LockResponse> LockAsync(EtcdBytes name, long leaseId, CancellationToken cancellationToken = default);

    /// <summary>Releases a lock by deleting its ownership key; the next waiter then acquires it. Unlocking a key that no longer exists does nothing.</summary>
    /// <param name="key">The ownership key returned by <see cref="LockAsync"/> (<see cref="LockResponse.Key"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    Task<UnlockResponse> UnlockAsync(EtcdBytes key, CancellationToken cancellationToken = default);
}
