using EtcdNet.Resilience;

namespace EtcdNet.Election;

/// <summary>The Election service client.</summary>
internal sealed class ElectionClient : IElectionClient
{
    private readonly RpcInvoker _invoker;

    public ElectionClient(RpcInvoker invoker) => _invoker = invoker;
}
