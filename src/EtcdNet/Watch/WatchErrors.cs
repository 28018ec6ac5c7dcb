using EtcdNet.Errors;

namespace EtcdNet.Watch;

/// <summary>Turns a server-side cancellation of a watch into the exception that ends it.</summary>
internal static class WatchErrors
{
    public static Exception FromCancel(Protocol.Rpc.WatchResponse response, string? endpoint)
    {
        if (response.CompactRevision != 0)
        {
            return new EtcdCompactedException(
                $"The watch's next revision has been compacted; the store now starts at revision {response.CompactRevision}.",
                response.CompactRevision, response.CancelReason.Length == 0 ? null : response.CancelReason, endpoint);
        }

        var reason = response.CancelReason.Length == 0 ? "etcd cancelled the watch." : EtcdErrorCatalog.Normalize(response.CancelReason);
        return EtcdErrorCatalog.TryCreate(reason, endpoint)
            ?? new EtcdException($"etcd cancelled the watch: {reason}", GrpcStatusCode.Cancelled, reason, endpoint);
    }
}
