using EtcdNet.Errors;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>The keep-alive stream's owner: one stream while leases exist, reopened by <see cref="ReconnectingStream"/>.</summary>
internal sealed partial class LeaseKeepAliveManager : IStreamOwner
{
    /// <summary>Endpoints the next stream avoids: the one whose stream just failed, when there are others. Loop thread only.</summary>
    private ulong _avoid;

    CallHeaders IStreamOwner.StreamHeaders => StreamHeaders;

    ulong IStreamOwner.AvoidEndpoints => _avoid;

    Task<bool> IStreamOwner.WaitUntilNeededAsync(CancellationToken cancellationToken) => WaitForLeasesAsync(cancellationToken);

    // Could not authenticate. While the cluster is unreachable, leases are declared lost by their deadlines if this
    // lasts; wrong credentials end them now.
    void IStreamOwner.OnOpenFailed(StreamVerdict verdict) => OnStreamFailed(verdict, null);

    void IStreamOwner.OnClientDisposed(ObjectDisposedException error) => Stop(error);

    /// <summary>Opens a session, renews every lease on it and reads until it ends; then decides how to go on.</summary>
    async Task<StreamEnd> IStreamOwner.RunStreamAsync(GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken)
    {
        LeaseKeepAliveSession session;
        try
        {
            session = new LeaseKeepAliveSession(_invoker.Transport, endpoint, endpointIndex, headers, _clock.Now, cancellationToken);
        }
        catch (ObjectDisposedException e)
        {
            Stop(e); // the client was disposed
            return StreamEnd.Shutdown;
        }

        Interlocked.Increment(ref _streamsOpened);
        var (answered, failure) = await RunSessionAsync(session).ConfigureAwait(false);
        var reason = session.EndReason;
        await session.DisposeAsync().ConfigureAwait(false);
        if (failure is ObjectDisposedException)
        {
            Stop(failure);
            return StreamEnd.Shutdown;
        }

        if (answered)
        {
            recovery.Answered();
        }

        if (reason is SessionEnd.Idle or SessionEnd.Shutdown)
        {
            _avoid = 0;
            return StreamEnd.Reopen; // ended on purpose: no backoff (the loop waits for leases, or stops)
        }

        // Any other end is unexpected (error, graceful end, stuck, failed write): reopen, on another endpoint when there is one.
        if (OnSessionEnded(session, reason, failure, headers, recovery) == FailureAction.Reauthenticate)
        {
            return StreamEnd.Reopen; // at once, with a fresh token
        }

        _avoid = _invoker.Pool.Count > 1 ? 1UL << endpointIndex : 0;
        return StreamEnd.Backoff;
    }

    /// <summary>Waits until some lease is kept alive; false when the manager stops first.</summary>
    private async Task<bool> WaitForLeasesAsync(CancellationToken token)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_leases.Count > 0)
                {
                    return true;
                }
            }

            try
            {
                await _streamWake.WaitAsync(Timeout.InfiniteTimeSpan, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>Records why a session ended unexpectedly and applies the policy's verdict; returns the action it chose.</summary>
    private FailureAction OnSessionEnded(LeaseKeepAliveSession session, SessionEnd reason, Exception? failure, CallHeaders headers, StreamRecovery recovery)
    {
        var endpoint = session.Endpoint;
        _invoker.Diagnostics.KeepAliveStreamFailed(endpoint, failure?.Message ?? (reason == SessionEnd.Stuck ? "stopped answering" : "ended by the server"));
        if (reason == SessionEnd.Stuck || failure is null)
        {
            if (reason == SessionEnd.Stuck)
            {
                _invoker.Pool.ReportFailure(session.EndpointIndex, failure?.Message ?? "the lease keep-alive stream stopped answering");
            }

            RecordStreamFailure(failure ?? new EtcdException(
                reason == SessionEnd.Stuck ? $"The lease keep-alive stream on {endpoint} stopped answering." : $"{endpoint} ended the lease keep-alive stream.",
                GrpcStatusCode.Unavailable, null, endpoint));
            return FailureAction.RetryAfterBackoff;
        }

        var verdict = recovery.OnFailure(failure, session.EndpointIndex, headers.Metadata);
        OnStreamFailed(verdict, endpoint);
        return verdict.Action;
    }

    /// <summary>Remembers the failure (it explains a later loss) and ends every lease when no reconnection can cure it.</summary>
    private void OnStreamFailed(StreamVerdict verdict, string? endpoint)
    {
        RecordStreamFailure(verdict.Error);
        if (verdict.Fails)
        {
            FailEvery(verdict.Error, endpoint);
        }
    }

    private void RecordStreamFailure(Exception cause)
    {
        lock (_gate)
        {
            _lastStreamFailure = cause;
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
            _schedule.RenewAllNow(_leases.Values, _clock.Now, session.State);
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
}
