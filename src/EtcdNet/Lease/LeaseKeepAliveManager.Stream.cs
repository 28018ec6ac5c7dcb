using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>The stream loop: keeps one keep-alive stream open while leases exist, and routes its responses.</summary>
internal sealed partial class LeaseKeepAliveManager
{
    private static readonly TimeSpan MinReconnectDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(2);

    private async Task StreamLoopAsync()
    {
        var token = _shutdown.Token;
        var failures = 0;
        ulong avoid = 0;
        while (!token.IsCancellationRequested)
        {
            bool idle;
            lock (_gate)
            {
                idle = _leases.Count == 0;
            }

            if (idle)
            {
                try
                {
                    await _streamWake.WaitAsync(Timeout.InfiniteTimeSpan, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    break;
                }

                continue;
            }

            var (endpoint, index) = _invoker.Pool.Pick(avoid);
            LeaseKeepAliveSession session;
            CallHeaders headers;
            try
            {
                headers = await _invoker.StreamHeadersAsync(StreamHeaders, token).ConfigureAwait(false);
                session = new LeaseKeepAliveSession(_invoker.Transport, endpoint, index, headers, LeaseClock.Now, token);
            }
            catch (ObjectDisposedException e)
            {
                Stop(e); // the client was disposed
                break;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                // Could not authenticate (cluster unreachable, or wrong credentials): leases are declared
                // lost by their deadlines if this lasts; keep trying meanwhile.
                lock (_gate)
                {
                    _lastStreamFailure = e;
                }

                try
                {
                    await Task.Delay(Backoff.Exponential(MinReconnectDelay, MaxReconnectDelay, failures++), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            Interlocked.Increment(ref _streamsOpened);
            var (answered, failure) = await RunSessionAsync(session).ConfigureAwait(false);
            var reason = session.EndReason;
            await session.DisposeAsync().ConfigureAwait(false);
            if (failure is ObjectDisposedException)
            {
                Stop(failure);
                break;
            }

            if (answered)
            {
                failures = 0;
            }

            if (reason is SessionEnd.Idle or SessionEnd.Shutdown)
            {
                avoid = 0;
                continue; // ended on purpose: no backoff
            }

            // Any other end is unexpected (error, graceful end, stuck, failed write): move to another endpoint after a backoff.
            _invoker.Diagnostics.KeepAliveStreamFailed(endpoint.Address, failure?.Message ?? (reason == SessionEnd.Stuck ? "stopped answering" : "ended by the server"));
            if (reason == SessionEnd.Stuck || failure is GrpcCallException { Kind: not CallFailureKind.Status })
            {
                _invoker.Pool.ReportFailure(index, failure?.Message ?? "the lease keep-alive stream stopped answering");
            }

            if (failure is GrpcCallException stale && AuthTokenProvider.IsStaleToken(stale))
            {
                _invoker.Auth?.Invalidate(headers.Metadata); // the next stream authenticates again
            }

            var cause = failure is GrpcCallException call ? EtcdErrorMapper.ToPublic(call, _invoker.RequestTimeout, repeatable: true) : failure;
            lock (_gate)
            {
                _lastStreamFailure = cause ?? new EtcdException(
                    reason == SessionEnd.Stuck ? $"The lease keep-alive stream on {endpoint} stopped answering." : $"{endpoint} ended the lease keep-alive stream.",
                    GrpcStatusCode.Unavailable, null, endpoint.Address);
            }

            avoid = _invoker.Pool.Count > 1 ? 1UL << index : 0;
            try
            {
                await Task.Delay(Backoff.Exponential(MinReconnectDelay, MaxReconnectDelay, failures++), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>Publishes the stream, renews every lease on it, and reads until it ends.</summary>
    /// <returns>Whether it answered at all, and the failure that ended it (null for a graceful end or a break).</returns>
    private async Task<(bool Answered, Exception? Failure)> RunSessionAsync(LeaseKeepAliveSession session)
    {
        lock (_gate)
        {
            if (_stopped || _leases.Count == 0)
            {
                session.Break(_stopped ? SessionEnd.Shutdown : SessionEnd.Idle);
                return (false, null);
            }

            _session = session;
            _schedule.RenewAllNow(_leases.Values, LeaseClock.Now, session.State);
        }

        session.StartWriter();
        _schedulerWake.Set();
        var answered = false;
        try
        {
            while (await session.Call.ReadAsync(session.Token).ConfigureAwait(false) is { } response)
            {
                if (!answered)
                {
                    answered = true;
                    _invoker.Pool.ReportSuccess(session.EndpointIndex);
                    lock (_gate)
                    {
                        _lastStreamFailure = null; // renewing again: an old failure no longer explains a loss
                    }
                }

                OnResponse(session, response);
            }

            return (answered, null); // a graceful end the client did not ask for
        }
        catch (OperationCanceledException) when (session.Token.IsCancellationRequested)
        {
            return (answered, null); // broken by the client: the reason is on the session
        }
        catch (Exception e) when (e is GrpcCallException or ObjectDisposedException or EtcdException or OperationCanceledException)
        {
            return (answered, e);
        }
        finally
        {
            lock (_gate)
            {
                if (_session == session)
                {
                    _session = null;
                }
            }
        }
    }

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

            var now = LeaseClock.Now;
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
