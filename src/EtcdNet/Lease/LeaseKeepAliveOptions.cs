namespace EtcdNet;

/// <summary>Options of <see cref="ILeaseClient.KeepAliveAsync(long, LeaseKeepAliveOptions, CancellationToken)"/>.</summary>
public sealed record LeaseKeepAliveOptions
{
    /// <summary>The shortest <see cref="MaxRenewInterval"/> accepted: 100 ms.</summary>
    public static readonly TimeSpan MinRenewInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Renew at least this often, even when a third of the TTL is longer; null (the default) renews every third of
    /// the TTL. Each renewal also tells whether the lease still exists, so a short interval bounds how long a lease
    /// revoked elsewhere goes unnoticed (about the interval plus a round trip), at the cost of more renewals.
    /// When several handles keep the same lease alive, the shortest interval asked for by a handle still open applies.
    /// </summary>
    public TimeSpan? MaxRenewInterval { get; init; }

    internal TimeSpan EffectiveMaxRenewInterval
    {
        get
        {
            if (MaxRenewInterval is not { } interval)
            {
                return TimeSpan.MaxValue;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(interval, MinRenewInterval, nameof(MaxRenewInterval));
            return interval;
        }
    }
}
