namespace EtcdNet.Lease;

/// <summary>Routing keep-alive responses to their leases.</summary>
internal sealed partial class LeaseKeepAliveManager
{
    /// <summary>Routes one response to its lease: a renewal, or the server reporting the lease gone.</summary>
    private void OnResponse(LeaseKeepAliveSession session, Protocol.Rpc.LeaseKeepAliveResponse response)
    {
        KeptAliveLease? lease;
        var gone = false;
        var idle = false;
        var wakeEarlier = false;
        lock (_gate)
        {
            if (_session != session)
            {
                return; // a late answer on a stream already given up: its renewals are sent again elsewhere
            }

            var now = _clock.Now;
            session.LastResponseAt = now;
            if (!_leases.TryGetValue(response.ID, out lease))
            {
                return; // no longer kept alive
            }

            if (response.TTL <= 0)
            {
                gone = true;
                lease.Ended = true;
                _leases.Remove(lease.Id);
                idle = _leases.Count == 0;
            }
            else if (lease.InFlight)
            {
                lease.Renewed(TimeSpan.FromSeconds(response.TTL), now);
                _schedule.Schedule(lease, session.State);
                wakeEarlier = lease.QueuedAt < _schedulerSleepsUntil; // a short renew interval: do not wait for the next tick
            }
            else
            {
                return; // not asked for on this stream
            }
        }

        if (gone)
        {
            Fail(lease, LeaseLostReason.NotFound, session.Endpoint, null);
            if (idle)
            {
                _schedulerWake.Set();
            }

            return;
        }

        if (wakeEarlier)
        {
            _schedulerWake.Set();
        }

        Interlocked.Increment(ref _renewalsReceived);
        var renewal = new LeaseKeepAliveResponse(response);
        foreach (var handle in lease.Handles)
        {
            handle.Deliver(renewal);
        }
    }
}
