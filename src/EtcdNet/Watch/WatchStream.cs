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
    private static readonly TimeSpan CreateCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DefaultCreateTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long every endpoint must have said "no leader" (with no stream answered since) before require-leader watches
    /// end: longer than an election, so a reconnect that lands in one does not end them.
    /// </summary>
    private static readonly TimeSpan NoLeaderGrace = TimeSpan.FromSeconds(3);

    private readonly RpcInvoker _invoker;
    private readonly CallHeaders _headers;
    private readonly bool _requireLeader;
    private readonly EndpointProbe? _probe;
    private readonly WatchStreamCheck? _check;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly object _gate = new();
    private Task? _loop;
    private bool _restartRequested;
    private bool _disposed;
    private int _generation;
    private IReadOnlyList<KeyValuePair<string, string>>? _streamMetadata;
    private IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>? _call;

    /// <param name="invoker">Endpoints, transport, token and diagnostics.</param>
    /// <param name="headers">The stream's metadata.</param>
    /// <param name="requireLeader">The metadata asks etcd to end the stream when its member loses the leader; when no
    /// member has had one for <see cref="NoLeaderGrace"/>, the watches then end with <see cref="EtcdNoLeaderException"/>.</param>
    /// <param name="probe">Learns each member's etcd version (how its progress notifications can be trusted), or null.</param>
    /// <param name="check">The health check of a quiet stream's member, or null for none.</param>
    public WatchStream(RpcInvoker invoker, CallHeaders headers, bool requireLeader = false, EndpointProbe? probe = null, WatchStreamCheck? check = null)
    {
        _invoker = invoker;
        _headers = headers;
        _requireLeader = requireLeader;
        _probe = probe;
        _check = check;
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

    /// <summary>
    /// Asks the server for a progress notification for every watch on this stream. A stream that breaks meanwhile is
    /// reported as a public error (the stream itself reconnects and resumes on its own).
    /// </summary>
    public async Task RequestProgressAsync(CancellationToken cancellationToken)
    {
        IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>? call;
        lock (_gate)
        {
            call = _call;
        }

        if (call is null)
        {
            return;
        }

        try
        {
            await call.WriteAsync(new WatchRequest { ProgressRequest = new WatchProgressRequest() }, cancellationToken).ConfigureAwait(false);
        }
        catch (GrpcCallException failure)
        {
            throw EtcdErrorMapper.ToPublic(failure, _invoker.RequestTimeout, repeatable: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The stream was closed under the write (it is being replaced): the request did not go out.
            var closed = new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"the watch stream to {call.Endpoint.Address} closed before the progress request was sent"), CallFailureKind.Transport, false, call.Endpoint.Address);
            throw EtcdErrorMapper.ToPublic(closed, _invoker.RequestTimeout, repeatable: true);
        }
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
}
