using EtcdNet.Resilience;

namespace EtcdNet.Locking;

/// <summary>The Lock service client.</summary>
internal sealed class LockClient : ILockClient
{
    private readonly RpcInvoker _invoker;

    public LockClient(RpcInvoker invoker) => _invoker = invoker;
}
