namespace EtcdNet;

public sealed partial class EtcdClient
{
    /// <inheritdoc />
    public IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default)
        => Watch.WatchAsync(key, options, cancellationToken);

    /// <inheritdoc />
    public Task RequestProgressAsync(CancellationToken cancellationToken = default)
        => Watch.RequestProgressAsync(cancellationToken);
}
