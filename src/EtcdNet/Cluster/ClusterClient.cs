using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Cluster;

/// <summary>The Cluster service client.</summary>
internal sealed class ClusterClient : IClusterClient
{
    private readonly RpcInvoker _invoker;

    public ClusterClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<EtcdNet.MemberListResponse> MemberListAsync(CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(ClusterMethods.MemberList, new MemberListRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.MemberAddResponse> MemberAddAsync(IEnumerable<string> peerUrls, bool isLearner = false, CancellationToken cancellationToken = default)
    {
        var request = new MemberAddRequest { PeerURLs = { PeerUrls.Validate(peerUrls, nameof(peerUrls)) }, IsLearner = isLearner };
        return new(await _invoker.UnaryAsync(ClusterMethods.MemberAdd, request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<EtcdNet.MemberRemoveResponse> MemberRemoveAsync(ulong id, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(ClusterMethods.MemberRemove, new MemberRemoveRequest { ID = id }, cancellationToken).ConfigureAwait(false));

    public async Task<EtcdNet.MemberUpdateResponse> MemberUpdateAsync(ulong id, IEnumerable<string> peerUrls, CancellationToken cancellationToken = default)
    {
        var request = new MemberUpdateRequest { ID = id, PeerURLs = { PeerUrls.Validate(peerUrls, nameof(peerUrls)) } };
        return new(await _invoker.UnaryAsync(ClusterMethods.MemberUpdate, request, cancellationToken).ConfigureAwait(false));
    }

    public async Task<EtcdNet.MemberPromoteResponse> MemberPromoteAsync(ulong id, CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(ClusterMethods.MemberPromote, new MemberPromoteRequest { ID = id }, cancellationToken).ConfigureAwait(false));

    public Task<EtcdNet.Member> MemberLeaderAsync(CancellationToken cancellationToken = default)
        => LeaderFinder.FindAsync(_invoker, cancellationToken);
}
