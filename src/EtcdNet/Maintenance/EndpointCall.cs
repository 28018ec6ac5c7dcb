using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Maintenance;

/// <summary>
/// A unary call to one given endpoint (Status, Defragment, Hash, HashKV of "this member", MoveLeader
/// to the leader), which may be outside the client's endpoint list. One attempt, with the client's
/// request timeout as deadline and its auth token; failures become public exceptions as in
/// <see cref="RpcInvoker"/>.
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

    public static async Task<TResponse> UnaryAsync<TRequest, TResponse>(RpcInvoker invoker, GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = invoker.RequestTimeout;
        var hasDeadline = timeout != Timeout.InfiniteTimeSpan;
        using var deadline = hasDeadline ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var remaining = hasDeadline ? timeout - TimeProvider.System.GetElapsedTime(started) : (TimeSpan?)null;
                var headers = await invoker.StreamHeadersAsync(new CallHeaders(remaining, null), token).ConfigureAwait(false);
                try
                {
                    if ((!method.Repeatable || headers.Metadata is not null) && !endpoint.SpokeGrpc)
                    {
                        await ConfirmGrpcAsync(invoker, endpoint, headers with { Metadata = null }, token).ConfigureAwait(false);
                    }

                    return await invoker.Transport.UnaryAsync(endpoint, method, request, headers, token).ConfigureAwait(false);
                }
                catch (GrpcCallException failure) when (attempt == 1 && invoker.Auth is { } auth && AuthTokenProvider.IsStaleToken(failure))
                {
                    auth.Invalidate(headers.Metadata); // the server rejected the token before acting: authenticate again, once
                }
                catch (GrpcCallException failure)
                {
                    throw EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable);
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
            throw new EtcdTimeoutException(timeout, endpoint.Address, e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>Before a write to an endpoint that never answered in gRPC, a harmless Status proves it is etcd (as <see cref="RpcInvoker"/> does).</summary>
    private static async Task ConfirmGrpcAsync(RpcInvoker invoker, GrpcEndpoint endpoint, CallHeaders headers, CancellationToken token)
    {
        try
        {
            await invoker.Transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), headers, token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
        {
            // It answered in gRPC: it speaks etcd's protocol.
        }
        catch (GrpcCallException failure)
        {
            throw new GrpcCallException(failure.Status, failure.Kind, requestSent: false, failure.Endpoint, failure.InnerException);
        }
    }
}
