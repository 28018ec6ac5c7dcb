using System.Reflection;
using EtcdNet.Auth;
using EtcdNet.Cluster;
using EtcdNet.Election;
using EtcdNet.Kv;
using EtcdNet.Lease;
using EtcdNet.Locking;
using EtcdNet.Maintenance;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using EtcdNet.Watch;

namespace EtcdNet;

/// <summary>
/// A client of an etcd v3 cluster. Thread-safe; create one per cluster and share it: it holds the
/// connections (HTTP/2, multiplexed). The everyday KV calls are available directly on the client;
/// each etcd service is also reachable as a property (<see cref="Kv"/>, ...). Dispose it to close
/// its connections.
/// </summary>
public sealed partial class EtcdClient : IEtcdClient, IAsyncDisposable, IDisposable
{
    private static readonly string UserAgent = "etcdnet/" + (typeof(EtcdClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0");

    private readonly ICallTransport _transport;
    private readonly RpcInvoker _invoker;
    private readonly WatchClient _watch;
    private readonly LeaseClient _lease;
    private readonly LockClient _lock;
    private readonly ElectionClient _election;
    private readonly Namespace.KeyPrefix? _prefix;
    private int _disposed;

    /// <summary>Creates a client. No connection is made until the first call.</summary>
    /// <param name="options">Endpoints, timeouts and limits.</param>
    /// <exception cref="ArgumentException">The options are invalid (no endpoints, malformed URL, out-of-range timeout).</exception>
    public EtcdClient(EtcdClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var diagnostics = new Diagnostics.ClientDiagnostics(options.LoggerFactory);
        var endpoints = options.Endpoints.Select(GrpcEndpoint.Parse).ToArray(); // a malformed URL fails before anything is opened
        _transport = TransportFactory.Create(options.ToTransportSettings(UserAgent));
        var probe = new EndpointProbe(EndpointProbe.TimeoutFor(options.DialTimeout));
        var pool = new EndpointPool(endpoints) { Diagnostics = diagnostics, Probe = probe.CheckAsync, Backoff = options.Retry.EndpointBackoff, Time = options.TimeProvider };
        _invoker = new RpcInvoker(_transport, pool, options.RequestTimeout, options.Retry, options.TimeProvider)
        {
            Diagnostics = diagnostics,
            Auth = options.Username is { } user ? new AuthTokenProvider(user, options.Password!) : null,
            RequireLeader = options.RequireLeader,
        };
        probe.Invoker = _invoker;
        _prefix = string.IsNullOrEmpty(options.Namespace) ? null : new Namespace.KeyPrefix(System.Text.Encoding.UTF8.GetBytes(options.Namespace));
        Kv = new KvClient(_invoker, options.DefaultTtl, _prefix);
        _lease = new LeaseClient(_invoker);
        _watch = new WatchClient(_invoker, probe, options.WatchCheckInterval);
        Watch = _prefix is null ? _watch : new Namespace.NamespacedWatchClient(_watch, _prefix);
        Cluster = new ClusterClient(_invoker);
        Maintenance = new MaintenanceClient(_invoker);
        Auth = new AuthClient(_invoker);
        _lock = new LockClient(_invoker);
        _election = new ElectionClient(_invoker);
        Lock = _prefix is null ? _lock : new Namespace.NamespacedLockClient(_lock, _prefix);
        Election = _prefix is null ? _election : new Namespace.NamespacedElectionClient(_election, _prefix);
        StartAutoSync();
    }

    /// <summary>Creates a client for the given endpoints with default options.</summary>
    /// <param name="endpoints">The etcd client URLs, e.g. <c>http://127.0.0.1:2379</c>.</param>
    public EtcdClient(params string[] endpoints)
        : this(new EtcdClientOptions { Endpoints = endpoints })
    {
    }

    /// <summary>The options the client was created with.</summary>
    public EtcdClientOptions Options { get; }

    /// <summary>The key-value API.</summary>
    public IKvClient Kv { get; }

    /// <summary>The lease API.</summary>
    public ILeaseClient Lease => _lease;

    /// <summary>The watch API.</summary>
    public IWatchClient Watch { get; }

    internal WatchClient WatchInternals => _watch;

    /// <summary>The cluster membership API.</summary>
    public IClusterClient Cluster { get; }

    /// <summary>The maintenance API.</summary>
    public IMaintenanceClient Maintenance { get; }

    /// <summary>The authentication API.</summary>
    public IAuthClient Auth { get; }

    /// <summary>The Lock service.</summary>
    public ILockClient Lock { get; }

    /// <summary>The Election service.</summary>
    public IElectionClient Election { get; }

    internal RpcInvoker Invoker => _invoker;

    /// <summary>
    /// Ends every watch (their enumerations throw <see cref="ObjectDisposedException"/>) and every
    /// lease keep-alive (without revoking the leases), and closes every connection. Calls in flight fail; later calls throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAutoSyncAsync().ConfigureAwait(false);
            await _watch.DisposeAsync().ConfigureAwait(false);
            await _lease.DisposeAsync().ConfigureAwait(false);
            _invoker.Pool.Dispose();
            _transport.Dispose();
        }
    }

    /// <summary>
    /// Closes every connection without waiting for background work to stop; prefer
    /// <see cref="DisposeAsync"/>. Watches end with <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = StopAutoSyncAsync().AsTask();
            _ = _watch.DisposeAsync().AsTask();
            _ = _lease.DisposeAsync().AsTask();
            _invoker.Pool.Dispose();
            _transport.Dispose();
        }
    }
}
