namespace EtcdNet.Concurrency;

/// <summary>Options of <see cref="EtcdSession.CreateAsync(IEtcdClient, EtcdSessionOptions, CancellationToken)"/>.</summary>
public sealed record EtcdSessionOptions
{
    /// <summary>The default <see cref="LossCheckInterval"/>: 500 ms.</summary>
    public static readonly TimeSpan DefaultLossCheckInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The lease time to live, at least 1 s; <see cref="EtcdSession.DefaultTtl"/> (60 s) when null.</summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>An existing lease to resume (Go: <c>WithLease</c>), or 0 (the default) to grant a new one.</summary>
    public long LeaseId { get; init; }

    /// <summary>
    /// The longest time between two renewals of the lease, at least 100 ms; each renewal also tells whether the lease
    /// still exists, so a lease revoked by another client is noticed (and <see cref="EtcdSession.Lost"/> fires) within
    /// about this interval plus a round trip. Null renews only every third of the TTL, as etcd's Go client does
    /// (fewer requests, slower to notice a revocation). Defaults to <see cref="DefaultLossCheckInterval"/>.
    /// </summary>
    public TimeSpan? LossCheckInterval { get; init; } = DefaultLossCheckInterval;
}
