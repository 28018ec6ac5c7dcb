using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Cluster;

/// <summary>
/// Replaces the client's endpoints with the members' client URLs, as etcd's Go client Sync does:
/// members that have started (they have a name) and are not learners. An empty result, or one
/// without a usable URL, leaves the endpoints as they are.
/// </summary>
internal static class EndpointSync
{
    /// <returns>True when the endpoint set changed.</returns>
    public static async Task<bool> SyncAsync(RpcInvoker invoker, CancellationToken cancellationToken)
    {
        var list = await invoker.UnaryAsync(ClusterMethods.MemberList, new MemberListRequest(), cancellationToken).ConfigureAwait(false);
        var endpoints = new List<GrpcEndpoint>();
        var requireTls = MemberUrls.RequireTls(invoker);
        foreach (var url in list.Members.Where(m => m.Name.Length > 0 && !m.IsLearner).SelectMany(m => MemberUrls.Usable(m.ClientURLs, requireTls)))
        {
            try
            {
                endpoints.Add(GrpcEndpoint.Parse(url));
            }
            catch (ArgumentException)
            {
                // A URL this client cannot use (a unix socket): skip it.
            }
        }

        var usable = endpoints.DistinctBy(e => e.BaseUri).Take(EndpointPool.MaxEndpoints).ToArray();
        return usable.Length > 0 && invoker.Pool.Replace(usable);
    }
}
