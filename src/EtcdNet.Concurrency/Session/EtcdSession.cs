using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// A lease kept alive for as long as the session lives, as in etcd's Go concurrency package
/// (<c>concurrency.Session</c>). Keys created by mutexes and elections are attached to it, so they vanish
/// when the session ends or its lease is lost. Disposing the session revokes the lease.
/// </summary>
public sealed class EtcdSession : IAsyncDisposable
{
    /// <summary>The default lease time to live: 60 seconds (Go: <c>defaultSessionTTL</c>).</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan MaxRevokeTimeout = TimeSpan.FromSeconds(5);

    private readonly LeaseKeepAlive _keepAlive;
    private int _orphaned;
    private int _disposed;

    private EtcdSession(IEtcdClient client, long leaseId, TimeSpan ttl, LeaseKeepAlive keepAlive)
    {
        Client = client;
        LeaseId = leaseId;
        Ttl = ttl;
        _keepAlive = keepAlive;
    }

    /// <summary>The client the session uses.</summary>
    public IEtcdClient Client { get; }

    /// <summary>The ID of the session's lease.</summary>
    public long LeaseId { get; }

    /// <summary>The lease time to live requested for the session.</summary>
    public TimeSpan Ttl { get; }

    /// <summary>
    /// Cancelled when the lease is declared lost (expired without a successful renewal, or revoked elsewhere).
    /// Not cancelled by <see cref="Orphan"/> or <see cref="DisposeAsync"/>.
    /// </summary>
    public CancellationToken Lost => _keepAlive.Lost;

    /// <summary>True once <see cref="Orphan"/> or <see cref="DisposeAsync"/> stopped keeping the lease alive.</summary>
    public bool IsOrphaned => Volatile.Read(ref _orphaned) != 0;

    /// <summary>
    /// Creates a session: grants a lease (or resumes <paramref name="leaseId"/>) and starts keeping it alive, renewing
    /// it at least every <see cref="EtcdSessionOptions.DefaultLossCheckInterval"/> so a revocation is noticed promptly.
    /// </summary>
    /// <param name="client">The client to use; it must outlive the session.</param>
    /// <param name="ttl">The lease time to live, at least 1 s; 60 s when null.</param>
    /// <param name="leaseId">An existing lease to resume (Go: <c>WithLease</c>), or 0 to grant a new one.</param>
    /// <param name="cancellationToken">Cancels the grant.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is under 1 s, or <paramref name="leaseId"/> is negative.</exception>
    public static Task<EtcdSession> CreateAsync(IEtcdClient client, TimeSpan? ttl = null, long leaseId = 0, CancellationToken cancellationToken = default)
    {
        if (ttl is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1), nameof(ttl)); // named as the caller wrote it
        }

        ArgumentOutOfRangeException.ThrowIfNegative(leaseId);
        return CreateAsync(client, new EtcdSessionOptions { Ttl = ttl, LeaseId = leaseId }, cancellationToken);
    }

    /// <summary>Creates a session: grants a lease (or resumes <see cref="EtcdSessionOptions.LeaseId"/>) and starts keeping it alive.</summary>
    /// <param name="client">The client to use; it must outlive the session.</param>
    /// <param name="options">The session options.</param>
    /// <param name="cancellationToken">Cancels the grant.</param>
    /// <returns>The session.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The TTL is under 1 s, the lease ID is negative, or the loss check interval is under 100 ms.</exception>
    public static async Task<EtcdSession> CreateAsync(IEtcdClient client, EtcdSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        var effectiveTtl = options.Ttl ?? DefaultTtl;
        ArgumentOutOfRangeException.ThrowIfLessThan(effectiveTtl, TimeSpan.FromSeconds(1), "options.Ttl");
        ArgumentOutOfRangeException.ThrowIfNegative(options.LeaseId, "options.LeaseId");
        if (options.LossCheckInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(interval, LeaseKeepAliveOptions.MinRenewInterval, "options.LossCheckInterval");
        }

        var leaseId = options.LeaseId;
        if (leaseId == 0)
        {
            var granted = await client.Lease.GrantAsync(effectiveTtl, 0, cancellationToken).ConfigureAwait(false);
            leaseId = granted.Id;
        }

        var keepAlive = client.Lease.KeepAliveAsync(leaseId, new LeaseKeepAliveOptions { MaxRenewInterval = options.LossCheckInterval }, CancellationToken.None);
        return new EtcdSession(client, leaseId, effectiveTtl, keepAlive);
    }

    /// <summary>
    /// Stops keeping the lease alive without revoking it (Go: <c>Orphan</c>): the lease, and the keys attached to it,
    /// expire after the TTL unless another process resumes it. Idempotent.
    /// </summary>
    public void Orphan()
    {
        if (Interlocked.Exchange(ref _orphaned, 1) == 0)
        {
            _keepAlive.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Ends the session: stops the keep-alive and revokes the lease, deleting the keys attached to it (best effort:
    /// the revoke is given at most the TTL or 5 s, whichever is shorter; if it fails the lease expires on its own).
    /// </summary>
    /// <returns>A task that completes when the lease is revoked or the attempt gave up.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Orphan();
        using var timeout = new CancellationTokenSource(Ttl < MaxRevokeTimeout ? Ttl : MaxRevokeTimeout);
        try
        {
            await Client.Lease.RevokeAsync(LeaseId, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdException or OperationCanceledException or TimeoutException or ObjectDisposedException)
        {
            // Best effort: the lease expires after its TTL anyway.
        }
    }
}
