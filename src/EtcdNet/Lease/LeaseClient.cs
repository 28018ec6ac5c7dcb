using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Lease;

/// <summary>The Lease service client: unary calls, single renewals, and the shared keep-alive (created on first use).</summary>
internal sealed class LeaseClient : ILeaseClient, IAsyncDisposable
{
    private readonly RpcInvoker _invoker;
    private readonly LeaseGrantDeadlines _grants;
    private LeaseKeepAliveManager? _keepAlives;
    private volatile bool _disposed;

    public LeaseClient(RpcInvoker invoker)
    {
        _invoker = invoker;
        _grants = new LeaseGrantDeadlines(invoker.Time);
    }

    /// <summary>The shared keep-alive, or null before the first <see cref="KeepAliveAsync(long, CancellationToken)"/> (for tests and diagnostics).</summary>
    internal LeaseKeepAliveManager? KeepAlives => Volatile.Read(ref _keepAlives);

    public async Task<EtcdNet.LeaseGrantResponse> GrantAsync(TimeSpan ttl, long id = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        var seconds = (long)Math.Ceiling(ttl.TotalSeconds);
        var sentAt = _grants.Now;
        var response = await _invoker.UnaryAsync(LeaseMethods.Grant, new LeaseGrantRequest { TTL = seconds, ID = id }, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(response.Error))
        {
            throw new EtcdException(response.Error, GrpcStatusCode.Unknown, response.Error);
        }

        _grants.Granted(response.ID, sentAt, TimeSpan.FromSeconds(response.TTL));
        return new EtcdNet.LeaseGrantResponse(response);
    }

    public async Task<EtcdNet.LeaseRevokeResponse> RevokeAsync(long id, CancellationToken cancellationToken = default)
    {
        var revoked = new EtcdNet.LeaseRevokeResponse(await _invoker.UnaryAsync(LeaseMethods.Revoke, new LeaseRevokeRequest { ID = id }, cancellationToken).ConfigureAwait(false));
        _grants.Forget(id); // only now: a revoke that failed leaves the lease, and its deadline, as they were
        return revoked;
    }

    public async Task<EtcdNet.LeaseTimeToLiveResponse> TimeToLiveAsync(long id, bool keys = false, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(LeaseMethods.TimeToLive, new LeaseTimeToLiveRequest { ID = id, Keys = keys }, cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.LeaseLeasesResponse> LeasesAsync(CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(LeaseMethods.Leases, new LeaseLeasesRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.LeaseKeepAliveResponse> KeepAliveOnceAsync(long id, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        var sentAt = _grants.Now;
        var renewed = await LeaseKeepAliveOnce.RunAsync(_invoker, id, cancellationToken).ConfigureAwait(false);
        _grants.Renewed(id, sentAt, renewed.Ttl);
        return renewed;
    }

    public LeaseKeepAlive KeepAliveAsync(long id, CancellationToken cancellationToken = default)
        => KeepAlive(id, TimeSpan.MaxValue, cancellationToken);

    public LeaseKeepAlive KeepAliveAsync(long id, LeaseKeepAliveOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KeepAlive(id, options.EffectiveMaxRenewInterval, cancellationToken);
    }

    private LeaseKeepAlive KeepAlive(long id, TimeSpan maxRenewInterval, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        ObjectDisposedException.ThrowIf(_disposed, typeof(EtcdClient));
        cancellationToken.ThrowIfCancellationRequested();
        var keepAlives = Volatile.Read(ref _keepAlives);
        if (keepAlives is null)
        {
            var created = new LeaseKeepAliveManager(_invoker, _grants);
            keepAlives = Interlocked.CompareExchange(ref _keepAlives, created, null) ?? created;
        }

        return keepAlives.Add(id, maxRenewInterval, cancellationToken);
    }

    /// <summary>Stops every keep-alive (handles fail with <see cref="LeaseLostReason.ClientDisposed"/>); for <see cref="EtcdClient"/> disposal.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return Volatile.Read(ref _keepAlives)?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
