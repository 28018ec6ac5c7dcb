using EtcdNet.Watch;

namespace EtcdNet.Namespace;

/// <summary>Watches inside a namespace, on the client's shared streams.</summary>
internal sealed class NamespacedWatchClient(WatchClient inner, KeyPrefix prefix) : IWatchClient
{
    public IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default)
        => inner.WatchAsync(key, options, prefix, cancellationToken);

    public Task RequestProgressAsync(CancellationToken cancellationToken = default) => inner.RequestProgressAsync(cancellationToken);
}
