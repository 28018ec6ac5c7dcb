using System.Diagnostics;
using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>
/// One renewal on its own short-lived LeaseKeepAlive stream (etcd's Go client does the same for
/// KeepAliveOnce). Renewing is repeatable, so an endpoint that fails is replaced by another, within
/// the client's request timeout.
/// </summary>
internal static class LeaseKeepAliveOnce
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    public static async Task<EtcdNet.LeaseKeepAliveResponse> RunAsync(RpcInvoker invoker, long id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = invoker.RequestTimeout;
        var hasDeadline = timeout != Timeout.InfiniteTimeSpan;
        using var deadline = hasDeadline ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        var started = Stopwatch.GetTimestamp();
        var pool = invoker.Pool;
        List<EndpointFailure>? failures = null;
        ulong tried = 0;
        string? lastEndpoint = null;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (endpoint, index) = pool.Pick(tried);
                lastEndpoint = endpoint.Address;
                try
                {
                    var headers = await invoker.StreamHeadersAsync(new CallHeaders(hasDeadline ? timeout - Stopwatch.GetElapsedTime(started) : null, null), token).ConfigureAwait(false);
                    var response = await RenewOnceAsync(invoker.Transport, endpoint, headers, id, token).ConfigureAwait(false);
                    pool.ReportSuccess(index);
                    return response.TTL > 0
                        ? new EtcdNet.LeaseKeepAliveResponse(response)
                        : throw new EtcdLeaseNotFoundException($"Lease {id:x} was not found: it expired, was revoked, or was never granted.", null, endpoint.Address);
                }
                catch (GrpcCallException failure)
                {
                    if (failure.Kind != CallFailureKind.Status)
                    {
                        pool.ReportFailure(index);
                    }

                    if (RetryPolicy.Decide(failure, repeatable: true) == RetryDecision.Fail)
                    {
                        throw EtcdErrorMapper.ToPublic(failure, timeout, repeatable: true);
                    }

                    (failures ??= []).Add(new EndpointFailure(endpoint.Address, failure.Message, failure));
                    tried |= 1UL << index;
                    if (attempt >= Math.Max(3, 2 * pool.Count))
                    {
                        throw failure.Kind == CallFailureKind.Status ? EtcdErrorMapper.ToPublic(failure, timeout, repeatable: true) : EtcdErrorMapper.NoEndpoint(failures);
                    }

                    if (tried == pool.AllMask)
                    {
                        tried = 0;
                        await Task.Delay(Backoff.Exponential(MinRetryDelay, MaxRetryDelay, attempt - 1), token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
            throw new EtcdTimeoutException(timeout, lastEndpoint, e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
        }
    }

    private static async Task<Protocol.Rpc.LeaseKeepAliveResponse> RenewOnceAsync(GrpcTransport transport, GrpcEndpoint endpoint, CallHeaders headers, long id, CancellationToken cancellationToken)
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
