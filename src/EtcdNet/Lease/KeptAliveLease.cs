namespace EtcdNet.Lease;

/// <summary>
/// The keep-alive state of one lease (shared by every handle kept for it). Mutated only under the
/// manager's lock. Times are <see cref="LeaseClock"/> readings.
/// </summary>
internal sealed class KeptAliveLease
{
    /// <param name="id">The lease.</param>
    /// <param name="now">The clock reading when keeping it alive starts.</param>
    /// <param name="firstResponseTimeout">How long the first renewal may take when nothing better is known.</param>
    /// <param name="leftSinceGrant">
    /// The time the lease has left by its grant, when this client granted it: its deadline is then the earlier of the
    /// two, so a lease whose TTL is shorter than <paramref name="firstResponseTimeout"/> is not trusted past it (and one
    /// whose grant is older than its TTL is lost at once).
    /// </param>
    public KeptAliveLease(long id, TimeSpan now, TimeSpan firstResponseTimeout, TimeSpan? leftSinceGrant = null)
    {
        Id = id;
        RenewAt = now;
        ExpiresAt = now + (leftSinceGrant is { } left && left < firstResponseTimeout ? left : firstResponseTimeout);
        FirstResponseTimeout = firstResponseTimeout;
        QueuedAt = TimeSpan.MaxValue;
    }

    public long Id { get; }

    /// <summary>The TTL from the last successful renewal; zero until the first one.</summary>
    public TimeSpan Ttl { get; set; }

    /// <summary>How long the first renewal may take before the lease counts as lost (its TTL is unknown until then).</summary>
    public TimeSpan FirstResponseTimeout { get; }

    /// <summary>When the next renewal is due.</summary>
    public TimeSpan RenewAt { get; set; }

    /// <summary>
    /// When the lease is lost unless a renewal succeeds first: the sending of the last successful
    /// renewal plus its TTL (the server renewed it no earlier than that).
    /// </summary>
    public TimeSpan ExpiresAt { get; set; }

    /// <summary>True while a renewal was sent on the current stream and not answered yet.</summary>
    public bool InFlight { get; set; }

    /// <summary>When the renewal in flight was handed to the stream.</summary>
    public TimeSpan SentAt { get; set; }

    /// <summary>The time of its live entry in the schedule (<see cref="TimeSpan.MaxValue"/> when none); older entries are stale.</summary>
    public TimeSpan QueuedAt { get; set; }

    /// <summary>True once it is no longer kept alive (lost, or its last handle was disposed).</summary>
    public bool Ended { get; set; }

    /// <summary>The handles to signal; replaced (never mutated) so it can be read outside the lock.</summary>
    public LeaseKeepAlive[] Handles { get; set; } = [];

    /// <summary>
    /// How long a renewal may go unanswered before the stream counts as stuck: a third of the TTL,
    /// at most 5 s (a third of <see cref="FirstResponseTimeout"/> before the TTL is known).
    /// </summary>
    public TimeSpan ResponseTimeout
    {
        get
        {
            var third = (Ttl > TimeSpan.Zero ? Ttl : FirstResponseTimeout) / 3;
            return third < MaxResponseTimeout ? third : MaxResponseTimeout;
        }
    }

    public static TimeSpan MaxResponseTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest time between renewals any handle asked for (<see cref="TimeSpan.MaxValue"/>: a third of the TTL).</summary>
    public TimeSpan MaxRenewInterval { get; private set; } = TimeSpan.MaxValue;

    /// <summary>Records a successful renewal answered at <paramref name="now"/>.</summary>
    public void Renewed(TimeSpan ttl, TimeSpan now)
    {
        Ttl = ttl;
        InFlight = false;
        ExpiresAt = SentAt + ttl;
        var third = ttl / 3;
        RenewAt = now + (third < MaxRenewInterval ? third : MaxRenewInterval);
    }

    /// <summary>
    /// The handles left ask for at most <paramref name="interval"/> between renewals: a shorter interval requested by a
    /// handle that is gone no longer applies (from the next renewal on).
    /// </summary>
    public void ResetRenewInterval(TimeSpan interval) => MaxRenewInterval = interval;

    /// <summary>A handle asks for renewals at least every <paramref name="interval"/>: the shortest request wins.</summary>
    public void LimitRenewInterval(TimeSpan interval, TimeSpan now)
    {
        if (interval >= MaxRenewInterval)
        {
            return;
        }

        MaxRenewInterval = interval;
        if (!InFlight && RenewAt > now + interval)
        {
            RenewAt = now + interval;
        }
    }
}
