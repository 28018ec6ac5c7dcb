using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>The watch stream's owner: one stream while watchers exist, reopened by <see cref="ReconnectingStream"/>, every watch resumed.</summary>
internal sealed partial class WatchStream : IStreamOwner
{
    /// <summary>The endpoints that said "no leader" since a stream last answered. Loop thread only.</summary>
    private readonly NoLeaderWindow _noLeader = new();

    private Task RunAsync() => new ReconnectingStream(_invoker, this).RunAsync(_shutdown.Token);

    CallHeaders IStreamOwner.StreamHeaders => _headers;

    ulong IStreamOwner.AvoidEndpoints => 0;

    async Task<bool> IStreamOwner.WaitUntilNeededAsync(CancellationToken cancellationToken)
    {
        while (!HasWatchers())
        {
            if (!await WaitForWatchersAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    void IStreamOwner.OnOpenFailed(StreamVerdict verdict)
    {
        if (verdict.Fails)
        {
            FailAll(verdict.Error); // wrong credentials: no reconnect can help
        }
    }

    void IStreamOwner.OnClientDisposed(ObjectDisposedException error) => FailAll(error);

    async Task<StreamEnd> IStreamOwner.RunStreamAsync(GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken)
    {
        var end = await RunStreamAsync(endpoint, endpointIndex, headers, recovery, _noLeader, cancellationToken).ConfigureAwait(false);
        var restart = Interlocked.Exchange(ref _restartRequested, false); // the stream's token went stale: reopen with a fresh one
        return end == StreamEnd.Backoff && restart ? StreamEnd.Reopen : end;
    }

    private async Task<bool> WaitForWatchersAsync(CancellationToken token)
    {
        try
        {
            await _wake.WaitAsync(token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Opens one stream on <paramref name="endpoint"/>, dispatches its responses until it ends, and decides what its end means.</summary>
    private async Task<StreamEnd> RunStreamAsync(GrpcEndpoint endpoint, int index, CallHeaders headers, StreamRecovery recovery, NoLeaderWindow noLeader, CancellationToken token)
    {
        _streamMetadata = headers.Metadata;
        var call = _invoker.Transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(endpoint, WatchMethods.Watch, null, headers, token);
        _invoker.Diagnostics.WatchStreamOpened(Interlocked.Increment(ref _streamsOpened), endpoint);
        if (_probe is not null && endpoint.ServerVersion is null)
        {
            _ = _probe.LearnVersionAsync(endpoint, token); // how far its progress notifications can be trusted
        }

        using var session = new WatchSession(_invoker.Time, token);
        using var createMonitor = _invoker.Time.CreateTimer(
            static state =>
            {
                var (stream, stuck) = ((WatchStream, WatchSession))state!;
                stream.CheckCreateDeadline(stuck);
            },
            (this, session),
            CreateCheckInterval,
            CreateCheckInterval);
        var healthMonitor = _check is not null && _invoker.Pool.Count > 1 ? _check.MonitorAsync(endpoint, session, HasWatchers) : Task.CompletedTask;
        try
        {
            Attach(call);
            await ReadAsync(call, session, index, recovery, noLeader).ConfigureAwait(false);
            return StreamEnd.Backoff; // a graceful end the user did not ask for (or a restart): reconnect
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return StreamEnd.Shutdown;
        }
        catch (OperationCanceledException)
        {
            // Stuck (a create went unanswered too long, or the member failed a health check): move to another endpoint.
            _invoker.Pool.ReportFailure(index, "the watch stream " + (session.AbandonedBecause ?? "was stuck"));
            return StreamEnd.Backoff;
        }
        catch (GrpcCallException failure)
        {
            return OnStreamFailure(failure, index, headers, recovery, noLeader);
        }
        catch (Exception e)
        {
            // Anything unexpected ends this stream only; the loop reconnects and resumes every watch.
            _invoker.Pool.ReportFailure(index, e.Message);
            return StreamEnd.Backoff;
        }
        finally
        {
            session.End();
            await healthMonitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // it never throws; never let it end the loop
            Detach(call);
            await call.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, WatchSession session, int index, StreamRecovery recovery, NoLeaderWindow noLeader)
    {
        var answered = false;
        while (await call.ReadAsync(session.Token).ConfigureAwait(false) is { } response)
        {
            session.Received();
            if (!answered)
            {
                answered = true;
                recovery.Answered();
                noLeader.Reset();
                _invoker.Pool.ReportSuccess(index);
            }

            Dispatch(call, response);
            if (Volatile.Read(ref _restartRequested))
            {
                return; // the stream's token went stale: reopen it with a fresh one
            }
        }
    }

    /// <summary>Applies the policy's verdict on a failed stream; the watch's own rule is what a missing leader does to watches that require one.</summary>
    private StreamEnd OnStreamFailure(GrpcCallException failure, int index, CallHeaders headers, StreamRecovery recovery, NoLeaderWindow noLeader)
    {
        var verdict = recovery.OnFailure(failure, index, headers.Metadata);
        if (verdict.Kind == FailureKind.NoLeader)
        {
            // etcd ends require-leader streams when its member loses the leader; the stream moves to a member that has
            // one. When none has (every endpoint said so, for longer than an election), the watches that require a
            // leader end with the error, as the option promises.
            if (noLeader.Add(index, _invoker.Pool.AllMask, _invoker.Time) >= NoLeaderGrace && _requireLeader)
            {
                FailAll(verdict.Error);
                noLeader.Reset();
            }
        }
        else if (verdict.Fails)
        {
            FailAll(verdict.Error);
        }

        return verdict.Action == FailureAction.Reauthenticate ? StreamEnd.Reopen : StreamEnd.Backoff;
    }

    /// <summary>Abandons <paramref name="stuck"/> when the create in flight has waited longer than the request timeout.</summary>
    private void CheckCreateDeadline(WatchSession stuck)
    {
        var timeout = _invoker.RequestTimeout == Timeout.InfiniteTimeSpan ? DefaultCreateTimeout : _invoker.RequestTimeout;
        bool expired;
        lock (_gate)
        {
            expired = _creating is { CreateSentAt: > 0 } creating && _invoker.Time.GetElapsedTime(creating.CreateSentAt) > timeout;
        }

        if (expired)
        {
            stuck.Abandon("left a watch create unanswered");
        }
    }

    private static void Send(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, WatchRequest request)
    {
        _ = SendAsync(call, request);

        static async Task SendAsync(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, WatchRequest request)
        {
            try
            {
                await call.WriteAsync(request, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A failed write aborts the call; the read loop sees that and reconnects.
            }
        }
    }
}
