using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>
/// One Watch stream carrying every watch of a client that shares its metadata. A background loop
/// keeps the stream connected: whenever it ends without being asked to (error, graceful end,
/// dead or paused member), it reconnects to the next healthy endpoint with jittered backoff and
/// re-creates every watch from its resume point. Creates are sent one at a time.
/// </summary>
internal sealed partial class WatchStream : IAsyncDisposable
{
    private static readonly TimeSpan MinReconnectDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CreateCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DefaultCreateTimeout = TimeSpan.FromSeconds(30);

    private readonly RpcInvoker _invoker;
    private readonly CallHeaders _headers;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly object _gate = new();
    private Task? _loop;
    private bool _restartRequested;
    private bool _disposed;
    private int _generation;
    private IReadOnlyList<KeyValuePair<string, string>>? _streamMetadata;
    private GrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>? _call;

    public WatchStream(RpcInvoker invoker, CallHeaders headers)
    {
        _invoker = invoker;
        _headers = headers;
    }

    private int _streamsOpened;
    private int _overflows;

    /// <summary>How many times a stream was opened (for tests and diagnostics).</summary>
    public int StreamsOpened => Volatile.Read(ref _streamsOpened);

    /// <summary>How many times a watch was paused because its consumer fell behind (for tests and diagnostics).</summary>
    public int Overflows => Volatile.Read(ref _overflows);

    /// <summary>The endpoint the stream is connected to, or null while it is not.</summary>
    public string? CurrentEndpoint
    {
        get
        {
            lock (_gate)
            {
                return _call?.Endpoint.Address;
            }
        }
    }

    /// <summary>Asks the server for a progress notification for every watch on this stream.</summary>
    public Task RequestProgressAsync(CancellationToken cancellationToken)
    {
        GrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>? call;
        lock (_gate)
        {
            call = _call;
        }

        return call is null
            ? Task.CompletedTask
            : call.WriteAsync(new WatchRequest { ProgressRequest = new WatchProgressRequest() }, cancellationToken).AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true; // no watch can be added from now on
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close(new ObjectDisposedException(nameof(EtcdClient), "The etcd client was disposed, which ended the watch."));
            }

            _watchers.Clear();
        }

        _shutdown.Dispose();
    }

    private void EnsureRunning()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _loop ??= Task.Run(RunAsync);
            if (_wake.CurrentCount == 0)
            {
                _wake.Release(); // one pending wake-up is enough
            }
        }
    }

    private async Task RunAsync()
    {
        var token = _shutdown.Token;
        var failures = 0;
        var protocolFailures = 0;
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
            Interlocked.Increment(ref _streamsOpened);
            var answered = false;
            using var session = CancellationTokenSource.CreateLinkedTokenSource(token);
            using var createMonitor = new Timer(
                static state =>
                {
                    var (stream, stuck) = ((WatchStream, CancellationTokenSource))state!;
                    stream.CheckCreateDeadline(stuck);
                },
                (this, session),
                CreateCheckInterval,
                CreateCheckInterval);
            try
            {
                Attach(call);
                while (await call.ReadAsync(session.Token).ConfigureAwait(false) is { } response)
                {
                    if (!answered)
                    {
                        answered = true;
                        failures = 0;
                        protocolFailures = 0;
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
                // A create went unanswered too long: the stream is stuck; move to another endpoint.
                _invoker.Pool.ReportFailure(index);
            }
            catch (Exception e) when (e is not GrpcCallException)
            {
                // Anything unexpected ends this stream only; the loop reconnects and resumes every watch.
                _invoker.Pool.ReportFailure(index);
            }
            catch (GrpcCallException failure)
            {
                if (failure.Kind != CallFailureKind.Status)
                {
                    _invoker.Pool.ReportFailure(index);
                }

                protocolFailures = failure.Kind == CallFailureKind.Protocol || failure.Status.Code == GrpcStatusCode.Unimplemented ? protocolFailures + 1 : 0;
                if (AuthTokenProvider.IsStaleToken(failure))
                {
                    _invoker.Auth?.Invalidate(headers.Metadata);
                }
                else if (protocolFailures >= _invoker.Pool.Count || IsFatal(failure))
                {
                    FailAll(EtcdErrorMapper.ToPublic(failure, _invoker.RequestTimeout, repeatable: true));
                }
            }
            finally
            {
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

    /// <summary>Cancels <paramref name="stuck"/> when the create in flight has waited longer than the request timeout.</summary>
    private void CheckCreateDeadline(CancellationTokenSource stuck)
    {
        var timeout = _invoker.RequestTimeout == Timeout.InfiniteTimeSpan ? DefaultCreateTimeout : _invoker.RequestTimeout;
        bool expired;
        lock (_gate)
        {
            expired = _creating is { CreateSentAt: > 0 } creating && System.Diagnostics.Stopwatch.GetElapsedTime(creating.CreateSentAt) > timeout;
        }

        if (expired)
        {
            try
            {
                stuck.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the session already ended
            }
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
