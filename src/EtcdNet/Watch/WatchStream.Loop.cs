using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>The connection loop: keeps the stream up and reconnects after any unrequested end.</summary>
internal sealed partial class WatchStream
{
    private async Task RunAsync()
    {
        var token = _shutdown.Token;
        var failures = 0;
        var protocolFailures = 0;
        var noLeaderFrom = 0UL; // the endpoints that said "no leader" since a stream last answered
        var noLeaderSince = 0L;
        while (!token.IsCancellationRequested)
        {
            if (!HasWatchers())
            {
                try
                {
                    await _wake.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            var (endpoint, index) = _invoker.Pool.Pick();
            CallHeaders headers;
            try
            {
                headers = await _invoker.StreamHeadersAsync(_headers, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (EtcdAuthFailedException e)
            {
                FailAll(e); // wrong credentials: no reconnect can help
                continue;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                await DelayAsync(failures++, token).ConfigureAwait(false);
                continue;
            }

            _streamMetadata = headers.Metadata;
            var call = _invoker.Transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(endpoint, WatchMethods.Watch, null, headers, token);
            _invoker.Diagnostics.WatchStreamOpened(Interlocked.Increment(ref _streamsOpened), endpoint);
            if (_probe is not null && endpoint.ServerVersion is null)
            {
                _ = _probe.LearnVersionAsync(endpoint, token); // how far its progress notifications can be trusted
            }

            var answered = false;
            using var session = new WatchSession(token);
            using var createMonitor = new Timer(
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
                while (await call.ReadAsync(session.Token).ConfigureAwait(false) is { } response)
                {
                    session.Received();
                    if (!answered)
                    {
                        answered = true;
                        failures = 0;
                        protocolFailures = 0;
                        (noLeaderFrom, noLeaderSince) = (0, 0);
                        _invoker.Pool.ReportSuccess(index);
                    }

                    Dispatch(call, response);
                    if (Volatile.Read(ref _restartRequested))
                    {
                        break; // the stream's token went stale: reopen it with a fresh one
                    }
                }

                // A graceful end the user did not ask for: reconnect.
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                // Stuck (a create went unanswered too long, or the member failed a health check): move to another endpoint.
                _invoker.Pool.ReportFailure(index, "the watch stream " + (session.AbandonedBecause ?? "was stuck"));
            }
            catch (Exception e) when (e is not GrpcCallException)
            {
                // Anything unexpected ends this stream only; the loop reconnects and resumes every watch.
                _invoker.Pool.ReportFailure(index, e.Message);
            }
            catch (GrpcCallException failure)
            {
                if (failure.Kind != CallFailureKind.Status)
                {
                    _invoker.Pool.ReportFailure(index, failure.Message);
                }

                protocolFailures = failure.Kind == CallFailureKind.Protocol || failure.Status.Code == GrpcStatusCode.Unimplemented ? protocolFailures + 1 : 0;
                var publicError = EtcdErrorMapper.ToPublic(failure, _invoker.RequestTimeout, repeatable: true);
                if (AuthTokenProvider.IsStaleToken(failure))
                {
                    _invoker.Auth?.Invalidate(headers.Metadata);
                }
                else if (publicError is EtcdNoLeaderException)
                {
                    // The member lost its leader (etcd ends require-leader streams then). Set it aside so the stream
                    // moves to a member that has one; when none has (every endpoint said so, for longer than an
                    // election), the watches that require a leader end with the error, as the option promises.
                    _invoker.Pool.ReportFailure(index, "no leader");
                    noLeaderFrom |= 1UL << index;
                    noLeaderSince = noLeaderSince == 0 ? System.Diagnostics.Stopwatch.GetTimestamp() : noLeaderSince;
                    if (_requireLeader && (noLeaderFrom & _invoker.Pool.AllMask) == _invoker.Pool.AllMask
                        && System.Diagnostics.Stopwatch.GetElapsedTime(noLeaderSince) >= NoLeaderGrace)
                    {
                        FailAll(publicError);
                        (noLeaderFrom, noLeaderSince) = (0, 0);
                    }
                }
                else if (protocolFailures >= _invoker.Pool.Count || IsFatal(failure))
                {
                    FailAll(publicError);
                }
            }
            finally
            {
                session.End();
                await healthMonitor.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // it never throws; never let it end the loop
                Detach(call);
                await call.DisposeAsync().ConfigureAwait(false);
            }

            if (Interlocked.Exchange(ref _restartRequested, false))
            {
                continue; // reopen at once
            }

            await DelayAsync(failures++, token).ConfigureAwait(false);
        }
    }

    private static async Task DelayAsync(int failures, CancellationToken token)
    {
        try
        {
            await Task.Delay(Backoff.Exponential(MinReconnectDelay, MaxReconnectDelay, failures), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // shutting down: the loop checks the token
        }
    }

    /// <summary>Abandons <paramref name="stuck"/> when the create in flight has waited longer than the request timeout.</summary>
    private void CheckCreateDeadline(WatchSession stuck)
    {
        var timeout = _invoker.RequestTimeout == Timeout.InfiniteTimeSpan ? DefaultCreateTimeout : _invoker.RequestTimeout;
        bool expired;
        lock (_gate)
        {
            expired = _creating is { CreateSentAt: > 0 } creating && System.Diagnostics.Stopwatch.GetElapsedTime(creating.CreateSentAt) > timeout;
        }

        if (expired)
        {
            stuck.Abandon("left a watch create unanswered");
        }
    }

    /// <summary>A stream error no reconnect can cure (for example, permission denied for every watch).</summary>
    private static bool IsFatal(GrpcCallException failure)
        => failure.Kind == CallFailureKind.Status && failure.Status.Code is GrpcStatusCode.PermissionDenied or GrpcStatusCode.InvalidArgument or GrpcStatusCode.Unimplemented;

    private static void Send(GrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, WatchRequest request)
    {
        _ = SendAsync(call, request);

        static async Task SendAsync(GrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, WatchRequest request)
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
