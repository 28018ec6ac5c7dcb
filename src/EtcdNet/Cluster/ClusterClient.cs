using EtcdNet.Resilience;

namespace EtcdNet.Cluster;

/// <summary>The Cluster service client.</summary>
internal sealed class ClusterClient : IClusterClient
{
    private readonly RpcInvoker _invoker;

    public ClusterClient(RpcInvoker invoker) => _invoker = invoker;
}
