using EtcdNet.Cluster;
using EtcdNet.Transport;

namespace EtcdNet;

public sealed partial class EtcdClient
{
    private EndpointAutoSync? _autoSync;

    /// <summary>
    /// The endpoints the client currently sends calls to, in order: the configured ones until
    /// <see cref="SetEndpoints"/>, <see cref="SyncEndpointsAsync"/> or auto-sync
    /// (<see cref="EtcdClientOptions.AutoSyncInterval"/>) replaces them. <see cref="Options"/> keeps the configured ones.
    /// </summary>
    public IReadOnlyList<string> Endpoints => _invoker.Pool.Endpoints.Select(e => e.Address).ToArray();

    internal EndpointAutoSync? AutoSync => Volatile.Read(ref _autoSync);

    /// <summary>
    /// Replaces the endpoints (etcd's Go client <c>SetEndpoints</c>). Calls in flight finish where they
    /// are; new calls go round robin over the new set. An endpoint that stays (same scheme, host and
    /// port) keeps its health; duplicates are dropped. Existing connections are not closed.
    /// </summary>
    /// <param name="endpoints">The etcd client URLs, as in <see cref="EtcdClientOptions.Endpoints"/>.</param>
    /// <exception cref="ArgumentException">No endpoint, more than 64, or a malformed URL.</exception>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public void SetEndpoints(params string[] endpoints)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.Length == 0)
        {
            throw new ArgumentException("At least one endpoint is required.", nameof(endpoints));
        }

        var parsed = endpoints.Select(GrpcEndpoint.Parse).ToArray();
        if (parsed.DistinctBy(e => e.BaseUri).Count() > Resilience.EndpointPool.MaxEndpoints)
        {
            throw new ArgumentException("At most 64 endpoints are supported.", nameof(endpoints));
        }

        _invoker.Pool.Replace(parsed);
    }

    /// <summary>
    /// Replaces the endpoints with the client URLs of the cluster's started, voting members, from one
    /// MemberList call (etcd's Go client <c>Sync</c>). Learners are left out; an empty result changes nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the endpoints changed.</returns>
    public Task<bool> SyncEndpointsAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return EndpointSync.SyncAsync(_invoker, cancellationToken);
    }

    /// <summary>Starts the auto-sync loop when <see cref="EtcdClientOptions.AutoSyncInterval"/> is set; idempotent. Called by the constructor.</summary>
    internal void StartAutoSync()
    {
        if (Options.AutoSyncInterval is not { } interval || Volatile.Read(ref _autoSync) is not null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var started = EndpointAutoSync.Start(_invoker, interval);
        if (Interlocked.CompareExchange(ref _autoSync, started, null) is not null)
        {
            _ = started.DisposeAsync().AsTask(); // lost a race with another start
        }
    }

    /// <summary>Stops the auto-sync loop, if any; for disposal.</summary>
    internal ValueTask StopAutoSyncAsync() => Volatile.Read(ref _autoSync)?.DisposeAsync() ?? ValueTask.CompletedTask;
}
