using EtcdNet.Errors;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Maintenance;

/// <summary>
/// Streams a Snapshot call into a destination stream message by message, never holding more than
/// one message. An endpoint that fails before the first byte was written is set aside and the next
/// one tried (Snapshot is repeatable); a failure after that ends the call.
/// </summary>
internal static class SnapshotDownload
{
    public static async Task<SnapshotResult> RunAsync(RpcInvoker invoker, Stream destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pool = invoker.Pool;
        var failures = new List<EndpointFailure>();
        var tried = 0UL;
        while (true)
        {
            var (endpoint, index) = pool.Pick(tried);
            long written = 0;
            try
            {
                var header = default(ResponseHeader);
                var headers = await invoker.StreamHeadersAsync(CallHeaders.None, cancellationToken).ConfigureAwait(false);
                var call = invoker.Transport.StartStreaming(endpoint, MaintenanceMethods.Snapshot, new SnapshotRequest(), headers, cancellationToken);
                await using (call.ConfigureAwait(false))
                {
                    while (await call.ReadAsync(cancellationToken).ConfigureAwait(false) is { } message)
                    {
                        if (header == default && message.Header is not null)
                        {
                            header = ResponseHeader.From(message.Header);
                        }

                        if (!message.Blob.IsEmpty)
                        {
                            await destination.WriteAsync(message.Blob.Memory, cancellationToken).ConfigureAwait(false);
                            written += message.Blob.Length;
                        }
                    }
                }

                pool.ReportSuccess(index);
                return new SnapshotResult(header, written, endpoint.Address);
            }
            catch (GrpcCallException failure)
            {
                failures.Add(new EndpointFailure(endpoint.Address, failure.Message, failure));
                tried |= 1UL << index;
                ThrowUnlessAnotherMayTry(pool, index, failure, written, tried, failures);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
            {
                throw new OperationCanceledException("The etcd snapshot was cancelled.", e, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sets the endpoint aside when the policy says so, and throws unless the snapshot may start again on another
    /// endpoint: nothing written yet, the failure is one to try elsewhere, and an endpoint is left to try.
    /// </summary>
    private static void ThrowUnlessAnotherMayTry(EndpointPool pool, int index, GrpcCallException failure, long written, ulong tried, List<EndpointFailure> failures)
    {
        var decision = FailurePolicy.Rule(CallKind.Read, FailureClassifier.Classify(failure), failure.RequestSent);
        if (decision.SetAside)
        {
            pool.ReportFailure(index);
        }

        var retry = written == 0 && decision.Action == FailureAction.TryAnotherEndpoint; // a snapshot half written cannot move
        if (!retry)
        {
            throw EtcdErrorMapper.ToPublic(failure, Timeout.InfiniteTimeSpan, repeatable: true);
        }

        if ((tried & pool.AllMask) == pool.AllMask || failures.Count >= EndpointPool.MaxEndpoints)
        {
            throw EtcdErrorMapper.NoEndpoint(failures); // every endpoint failed once
        }
    }
}
