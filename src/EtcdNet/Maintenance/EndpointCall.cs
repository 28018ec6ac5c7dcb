using EtcdNet.Resilience;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Maintenance;

/// <summary>
/// A unary call to one given endpoint (Status, Defragment, Hash, HashKV of "this member", MoveLeader
/// to the leader), which may be outside the client's endpoint list: <see cref="RpcInvoker.UnaryAtAsync"/>
/// with the endpoint resolved against the client's own.
/// </summary>
internal static class EndpointCall
{
    /// <summary>The client's own endpoint with this scheme, host and port (it knows whether it speaks gRPC), else a new one.</summary>
    /// <exception cref="ArgumentException">Not a valid endpoint URL.</exception>
    public static GrpcEndpoint Resolve(RpcInvoker invoker, string endpoint)
    {
        var parsed = GrpcEndpoint.Parse(endpoint);
        return invoker.Pool.Find(parsed) ?? parsed;
    }

    public static Task<TResponse> UnaryAsync<TRequest, TResponse>(RpcInvoker invoker, GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => invoker.UnaryAtAsync(endpoint, method, request, cancellationToken);
}
