namespace EtcdNet.Lease;

/// <summary>Routing keep-alive responses to their leases.</summary>
internal sealed partial class LeaseKeepAliveManager
{
    /// <summary>What one response did to its lease.</summary>
    private enum Routed
    {
        /// <summary>Nothing: a late answer on a stream given up, or for a lease no longer kept alive or not asked for.</summary>
        Ignored,
        /// <summary>Renewed.</summary>
        Renewed,
        /// <summary>Renewed, and due again before the scheduler wakes.</summary>
        RenewedEarly,
        /// <summary>The server no longer knows the lease.</summary>
        Gone,
        /// <summary>The server no longer knows the lease, and it was the last one kept alive.</summary>
        LastGone,
    }

    /// <summary>Routes one response to its lease: a renewal, or the server reporting the lease gone.</summary>
    private void OnResponse(LeaseKeepAliveSession session, Protocol.Rpc.LeaseKeepAliveResponse response)
    {
        var routed = Route(session, response, out var lease);
        if (routed == Routed.Ignored)
        {
            return;
        }

        if (routed is Routed.RenewedEarly or Routed.LastGone)
        {
            _schedulerWake.Set(); // a short renew interval, or nothing left to keep alive: do not wait for the next tick
        }

        if (routed is Routed.Gone or Routed.LastGone)
        {
            Fail(lease!, LeaseLostReason.NotFound, session.Endpoint, null);
            return;
        }

        Interlocked.Increment(ref _renewalsReceived);
        var renewal = new LeaseKeepAliveResponse(response);
        foreach (var handle in lease!.Handles)
        {
            handle.Deliver(renewal);
        }
    }

    /// <summary>Applies one response to the state of its lease, under the lock.</summary>
    private Routed Route(LeaseKeepAliveSession session, Protocol.Rpc.LeaseKeepAliveResponse response, out KeptAliveLease? lease)
    {
        lease = null;
        lock (_gate)
        {
            if (_session != session)
            {
                return Routed.Ignored; // its renewals are sent again on the stream that replaced it
            }

            var now = _clock.Now;
            session.LastResponseAt = now;
            if (!_leases.TryGetValue(response.ID, out lease))
            {
                return Routed.Ignored;
            }

            if (response.TTL <= 0)
            {
                lease.Ended = true;
                _leases.Remove(lease.Id);
                return _leases.Count == 0 ? Routed.LastGone : Routed.Gone;
            }

            if (!lease.InFlight)
            {
                return Routed.Ignored;
            }

            lease.Renewed(TimeSpan.FromSeconds(response.TTL), now);
            _schedule.Schedule(lease, session.State);
            return lease.QueuedAt < _schedulerSleepsUntil ? Routed.RenewedEarly : Routed.Renewed;
        }
    }
}
