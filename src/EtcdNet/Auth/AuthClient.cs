using EtcdNet.Resilience;

namespace EtcdNet.Auth;

/// <summary>The Auth service client.</summary>
internal sealed class AuthClient : IAuthClient
{
    private readonly RpcInvoker _invoker;

    public AuthClient(RpcInvoker invoker) => _invoker = invoker;
}
