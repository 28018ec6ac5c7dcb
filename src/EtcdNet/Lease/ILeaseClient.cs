namespace EtcdNet;

/// <summary>etcd's lease API: leases expire unless kept alive, deleting the keys attached to them.</summary>
public interface ILeaseClient
{
    /// <summary>Grants a lease.</summary>
    /// <param name="ttl">The time to live, in whole seconds (fractions are rounded up); at least 1 s.</param>
    /// <param name="id">The lease ID to use, or 0 (the default) to let the server choose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseGrantResponse> GrantAsync(TimeSpan ttl, long id = 0, CancellationToken cancellationToken = default);

    /// <summary>Revokes a lease, deleting every key attached to it.</summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EtcdLeaseNotFoundException">The lease does not exist.</exception>
    Task<LeaseRevokeResponse> RevokeAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Reads a lease's remaining time and, optionally, its keys.</summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="keys">Also list the keys attached to the lease.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseTimeToLiveResponse> TimeToLiveAsync(long id, bool keys = false, CancellationToken cancellationToken = default);

    /// <summary>Lists every lease.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<LeaseLeasesResponse> LeasesAsync(CancellationToken cancellationToken = default);

    /// <summary>Renews a lease once, on a short-lived keep-alive stream of its own.</summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The renewal, with the TTL the lease was renewed with.</returns>
    /// <exception cref="EtcdLeaseNotFoundException">The lease does not exist (expired, revoked, or never granted).</exception>
    Task<LeaseKeepAliveResponse> KeepAliveOnceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts keeping a lease alive, right away, until the returned handle is disposed or
    /// <paramref name="cancellationToken"/> is cancelled (the lease is then no longer renewed, not revoked).
    /// Every kept-alive lease of the client shares one keep-alive stream; each is renewed about every third
    /// of its TTL, across reconnections and failovers. A lease with no successful renewal within its TTL, or
    /// reported gone by the server, is declared lost through <see cref="LeaseKeepAlive.Lost"/>,
    /// <see cref="LeaseKeepAlive.Completion"/> and the enumeration (<see cref="EtcdLeaseLostException"/>).
    /// Several handles may keep the same lease alive; each gets every signal.
    /// </summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="cancellationToken">Stops keeping the lease alive, like disposing the handle.</param>
    /// <returns>The handle: enumerate it for the renewals, watch <see cref="LeaseKeepAlive.Lost"/>, dispose it to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not positive.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    LeaseKeepAlive KeepAliveAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts keeping a lease alive as <see cref="KeepAliveAsync(long, CancellationToken)"/> does, with options such as
    /// a bound on the time between renewals (which bounds how long a revocation elsewhere goes unnoticed).
    /// </summary>
    /// <param name="id">The lease ID.</param>
    /// <param name="options">The keep-alive options.</param>
    /// <param name="cancellationToken">Stops keeping the lease alive, like disposing the handle.</param>
    /// <returns>The handle: enumerate it for the renewals, watch <see cref="LeaseKeepAlive.Lost"/>, dispose it to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not positive, or <see cref="LeaseKeepAliveOptions.MaxRenewInterval"/> is under 100 ms.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    LeaseKeepAlive KeepAliveAsync(long id, LeaseKeepAliveOptions options, CancellationToken cancellationToken = default);
}
