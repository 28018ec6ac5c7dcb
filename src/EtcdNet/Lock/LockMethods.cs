using EtcdNet.Protocol.Lock;
using EtcdNet.Transport;

namespace EtcdNet.Locking;

/// <summary>The v3lockpb.Lock service. Both RPCs write, so neither is sent again once it may have reached the server.</summary>
internal static class LockMethods
{
    private const string Service = "v3lockpb.Lock";

    public static readonly GrpcMethod<LockRequest, Protocol.Lock.LockResponse> Lock = new(Service, "Lock", Protocol.Lock.LockResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<UnlockRequest, Protocol.Lock.UnlockResponse> Unlock = new(Service, "Unlock", Protocol.Lock.UnlockResponse.Parser, MethodType.Unary, repeatable: false);
}
