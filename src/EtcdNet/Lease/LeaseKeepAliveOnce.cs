using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>
/// One renewal on its own short-lived LeaseKeepAlive stream (etcd's Go client does the same for
/// KeepAliveOnce). Renewing is repeatable, so the client's call loop replaces an endpoint that fails,
/// within the client's request timeout.
/// </summary>
internal static class LeaseKeepAliveOnce
{
    public static async Task<EtcdNet.LeaseKeepAliveResponse> RunAsync(RpcInvoker invoker, long id, CancellationToken cancellationToken)
    {
        var (response, endpoint) = await invoker.RunAsync(
            LeaseMethods.KeepAlive,
            (invoker.Transport, id),
            static async (state, endpoint, headers, token) => (await RenewOnceAsync(state.Transport, endpoint, headers, state.id, token).ConfigureAwait(false), endpoint.Address),
            invoker.RequestTimeout,
            withToken: true,
            pinned: null,
            persistent: false,
            cancellationToken).ConfigureAwait(false);
        return response.TTL > 0
            ? new EtcdNet.LeaseKeepAliveResponse(response)
            : throw new EtcdLeaseNotFoundException($"Lease {id:x} was not found: it expired, was revoked, or was never granted.", null, endpoint);
    }

    private static async Task<Protocol.Rpc.LeaseKeepAliveResponse> RenewOnceAsync(ICallTransport transport, GrpcEndpoint endpoint, CallHeaders headers, long id, CancellationToken cancellationToken)
    {
        var call = transport.StartStreaming(endpoint, LeaseMethods.KeepAlive, null, headers, cancellationToken);
        await using (call.ConfigureAwait(false))
        {
            await call.WriteAsync(new LeaseKeepAliveRequest { ID = id }, cancellationToken).ConfigureAwait(false);
            call.CompleteRequest();
            return await call.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{endpoint} ended the lease keep-alive stream without answering."), CallFailureKind.Transport, true, endpoint.Address);
        }
    }
}
