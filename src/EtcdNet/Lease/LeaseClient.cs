using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Lease;

/// <summary>The Lease service client (unary calls).</summary>
internal sealed class LeaseClient : ILeaseClient
{
    private readonly RpcInvoker _invoker;

    public LeaseClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<EtcdNet.LeaseGrantResponse> GrantAsync(TimeSpan ttl, long id = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        var seconds = (long)Math.Ceiling(ttl.TotalSeconds);
        var response = await _invoker.UnaryAsync(LeaseMethods.Grant, new LeaseGrantRequest { TTL = seconds, ID = id }, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(response.Error))
        {
            throw new EtcdException(response.Error, GrpcStatusCode.Unknown, response.Error);
        }

        return new EtcdNet.LeaseGrantResponse(response);
    }

    public async Task<EtcdNet.LeaseRevokeResponse> RevokeAsync(long id, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(LeaseMethods.Revoke, new LeaseRevokeRequest { ID = id }, cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.LeaseTimeToLiveResponse> TimeToLiveAsync(long id, bool keys = false, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(LeaseMethods.TimeToLive, new LeaseTimeToLiveRequest { ID = id, Keys = keys }, cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.LeaseLeasesResponse> LeasesAsync(CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(LeaseMethods.Leases, new LeaseLeasesRequest(), cancellationToken).ConfigureAwait(false));
}
