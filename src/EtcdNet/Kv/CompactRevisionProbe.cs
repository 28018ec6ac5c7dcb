using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using EtcdNet.Watch;

namespace EtcdNet.Kv;

/// <summary>
/// Learns the store's compact revision after a read failed as compacted (the Range error does not
/// carry it): a watch from revision 1 is refused by the server with the compact revision.
/// Best effort, bounded in time; 0 when it cannot be learned.
/// </summary>
internal static class CompactRevisionProbe
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <param name="invoker">The client's call loop (endpoints, token).</param>
    /// <param name="key">A key the caller may read (the watch needs read permission on it); null or empty for the key "\0".</param>
    /// <param name="cancellationToken">Cancels the probe; the caller then gets an <see cref="OperationCanceledException"/> with this token.</param>
    public static async Task<long> FindAsync(RpcInvoker invoker, Google.Protobuf.ByteString? key, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Budget, invoker.Time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var (endpoint, _) = invoker.Pool.Pick();
        CallHeaders headers;
        try
        {
            headers = await invoker.StreamHeadersAsync(CallHeaders.None, cts.Token).ConfigureAwait(false); // the client's token, if it has credentials
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
        {
            return 0;
        }

        var call = invoker.Transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(endpoint, WatchMethods.Watch, null, headers, cts.Token);
        await using (call.ConfigureAwait(false))
        {
            try
            {
                await call.WriteAsync(new WatchRequest { CreateRequest = new WatchCreateRequest { Key = key is { IsEmpty: false } ? key : Google.Protobuf.ByteString.CopyFrom(0), StartRevision = 1 } }, cts.Token).ConfigureAwait(false);
                while (await call.ReadAsync(cts.Token).ConfigureAwait(false) is { } response)
                {
                    if (response.CompactRevision != 0)
                    {
                        return response.CompactRevision;
                    }

                    if (response.Canceled || response.Events.Count > 0)
                    {
                        return 0;
                    }
                }
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or GrpcCallException)
            {
                // Best effort: the caller still gets the compacted error, without the revision.
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }
}
