namespace EtcdNet.Lease;

/// <summary>The scheduler loop: sends due renewals, declares leases lost at their deadline, detects a stuck stream.</summary>
internal sealed partial class LeaseKeepAliveManager
{
    /// <summary>Events due within this much of each other are handled in one pass (renewals go out at most this early).</summary>
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(10);

    /// <summary>The loop wakes at least this often while leases are kept alive, whatever the schedule says.</summary>
    private static readonly TimeSpan MaxTick = TimeSpan.FromMilliseconds(250);

    /// <summary>When the scheduler loop wakes next unless signalled (a <see cref="LeaseClock"/> reading); guarded by the lock.</summary>
    private TimeSpan _schedulerSleepsUntil = TimeSpan.MaxValue;

    private async Task SchedulerLoopAsync()
    {
        var token = _shutdown.Token;
        var toRenew = new List<KeptAliveLease>();
        var expired = new List<KeptAliveLease>();
        while (!token.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = Tick(toRenew, expired);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without the scheduler no lease is renewed or checked: end them all, loudly, rather than silently.
                Stop(e);
                break;
            }
            finally
            {
                toRenew.Clear();
                expired.Clear();
            }

            try
            {
                await _schedulerWake.WaitAsync(wait, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One pass over the due events; returns how long to sleep.</summary>
    private TimeSpan Tick(List<KeptAliveLease> toRenew, List<KeptAliveLease> expired)
    {
        LeaseKeepAliveSession? ended = null;
        var endReason = SessionEnd.None;
        TimeSpan now;
        TimeSpan? next;
        Exception? lastFailure;
        lock (_gate)
        {
            if (_stopped)
            {
                return Timeout.InfiniteTimeSpan;
            }

            now = _clock.Now;
            var session = _session;
            var stuck = _schedule.Advance(now, session?.State ?? StreamState.Down, toRenew, expired);
            foreach (var lease in expired)
            {
                _leases.Remove(lease.Id);
            }

            if (session is not null)
            {
                foreach (var lease in toRenew)
                {
                    session.Enqueue(lease.Id);
                }

                endReason = stuck ? SessionEnd.Stuck : _leases.Count == 0 ? SessionEnd.Idle : SessionEnd.None;
                if (endReason != SessionEnd.None)
                {
                    // From now on the stream counts as down: only deadlines matter until the next one is up.
                    ended = session;
                    _session = null;
                }
            }

            next = _schedule.NextAt;
            lastFailure = _lastStreamFailure;
            _schedulerSleepsUntil = next is { } nextAt ? now + Clamp(nextAt - now) : TimeSpan.MaxValue;
        }

        Interlocked.Add(ref _renewalsSent, toRenew.Count);
        ended?.Break(endReason);
        Expire(expired, lastFailure);
        if (next is not { } at)
        {
            return Timeout.InfiniteTimeSpan; // nothing kept alive: sleep until a lease is added
        }

        return Clamp(at - now);
    }

    /// <summary>Declares <paramref name="expired"/> lost (explained by the last stream failure, if any) and lets the stream loop see whether leases remain.</summary>
    private void Expire(List<KeptAliveLease> expired, Exception? lastFailure)
    {
        foreach (var lease in expired)
        {
            Fail(lease, LeaseLostReason.Expired, null, lastFailure);
        }

        if (expired.Count > 0)
        {
            _streamWake.Set();
        }
    }

    private static TimeSpan Clamp(TimeSpan delay) => delay < MinTick ? MinTick : delay > MaxTick ? MaxTick : delay;
}
