namespace EtcdNet.Lease;

/// <summary>
/// When each kept-alive lease needs attention: its next renewal, the check of a renewal in flight,
/// or its lost deadline. A priority queue keyed by time, one live entry per lease (an entry whose
/// time differs from <see cref="KeptAliveLease.QueuedAt"/> is stale and skipped), so each step costs
/// O(log n) and nothing is scanned. A lease's live entry is never later than its next event; it may
/// be earlier, and is then simply re-queued. Not thread-safe: the manager calls it under its lock.
/// </summary>
internal sealed class LeaseRenewalSchedule
{
    private readonly PriorityQueue<KeptAliveLease, TimeSpan> _queue = new();

    /// <summary>Entries in the queue, stale ones included (for tests and diagnostics).</summary>
    public int Count => _queue.Count;

    /// <summary>The time of the earliest entry, or null when the queue is empty.</summary>
    public TimeSpan? NextAt => _queue.TryPeek(out _, out var at) ? at : null;

    /// <summary>
    /// Makes sure the lease's entry is no later than its next event (after a change that may have
    /// moved it earlier: a new lease, a new stream, a renewal answered with a shorter TTL).
    /// </summary>
    public void Schedule(KeptAliveLease lease, in StreamState stream)
    {
        if (lease.Ended)
        {
            return;
        }

        var at = NextEvent(lease, stream);
        if (at < lease.QueuedAt)
        {
            Enqueue(lease, at);
        }
    }

    /// <summary>
    /// Handles every entry due at <paramref name="now"/>: a lease past its deadline is marked ended
    /// and added to <paramref name="expired"/>; a lease whose renewal is due (and the stream up) is
    /// marked in flight and added to <paramref name="toRenew"/>; a renewal in flight that got no
    /// answer within its response timeout, while the stream made no progress either, makes the
    /// stream stuck.
    /// </summary>
    /// <returns>True when the stream is stuck: a renewal went unanswered for too long.</returns>
    public bool Advance(TimeSpan now, in StreamState stream, List<KeptAliveLease> toRenew, List<KeptAliveLease> expired)
    {
        var stuck = false;
        while (_queue.TryPeek(out var lease, out var at) && at <= now)
        {
            _queue.Dequeue();
            if (lease.Ended || at != lease.QueuedAt)
            {
                continue; // stale entry
            }

            lease.QueuedAt = TimeSpan.MaxValue;
            if (lease.ExpiresAt <= now)
            {
                lease.Ended = true;
                expired.Add(lease);
                continue;
            }

            if (stream.Up && lease.InFlight && now >= LastProgress(lease, stream) + lease.ResponseTimeout)
            {
                // Overdue. The stream will be replaced (which renews everything again); until then only the deadline matters.
                stuck = true;
                Enqueue(lease, Min(now + lease.ResponseTimeout, lease.ExpiresAt));
                continue;
            }

            if (stream.Up && !lease.InFlight && lease.RenewAt <= now)
            {
                lease.InFlight = true;
                lease.SentAt = now;
                toRenew.Add(lease);
            }

            Schedule(lease, stream);
        }

        return stuck;
    }

    /// <summary>A new stream is up: every lease is renewed on it right away.</summary>
    public void RenewAllNow(IEnumerable<KeptAliveLease> leases, TimeSpan now, in StreamState stream)
    {
        foreach (var lease in leases)
        {
            lease.InFlight = false;
            lease.RenewAt = now;
            Schedule(lease, stream);
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear() => _queue.Clear();

    /// <summary>
    /// The lease's next event: its deadline, or earlier its renewal (stream up, nothing in flight), or
    /// the moment its renewal in flight becomes overdue (no answer and no progress on the stream).
    /// </summary>
    internal static TimeSpan NextEvent(KeptAliveLease lease, in StreamState stream)
    {
        if (!stream.Up)
        {
            return lease.ExpiresAt;
        }

        var at = lease.InFlight ? LastProgress(lease, stream) + lease.ResponseTimeout : lease.RenewAt;
        return Min(at, lease.ExpiresAt);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private void Enqueue(KeptAliveLease lease, TimeSpan at)
    {
        lease.QueuedAt = at;
        _queue.Enqueue(lease, at);
    }

    // The stream makes progress while it answers anything: a renewal queued behind others is not overdue yet.
    private static TimeSpan LastProgress(KeptAliveLease lease, in StreamState stream)
        => stream.LastResponseAt > lease.SentAt ? stream.LastResponseAt : lease.SentAt;
}
