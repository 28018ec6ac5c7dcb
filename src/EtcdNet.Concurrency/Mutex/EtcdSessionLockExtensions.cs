namespace EtcdNet.Concurrency;

/// <summary>Shorthand for taking a lock with a session: <c>await using (var held = await session.LockAsync("/locks/job", ct)) { ... }</c>.</summary>
public static class EtcdSessionLockExtensions
{
    /// <summary>Acquires the mutex <paramref name="name"/> for this session, waiting in creation order.</summary>
    /// <param name="session">The session whose lease holds the lock.</param>
    /// <param name="name">The lock name (the Go mutex prefix, without the trailing slash).</param>
    /// <param name="cancellationToken">Cancels the wait (our key is then removed).</param>
    /// <returns>The held lock; dispose it to release. <see cref="EtcdLockHandle.Revision"/> is a fencing token.</returns>
    public static Task<EtcdLockHandle> LockAsync(this EtcdSession session, string name, CancellationToken cancellationToken = default)
        => new EtcdMutex(session, name).LockAsync(cancellationToken);
}
