using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>
/// Creates the etcd endpoint provider for every service name (<c>http://catalog</c> resolves service <c>catalog</c>,
/// under <see cref="EtcdServiceDiscoveryOptions.ServicePrefix"/>). One watch per service, shared and kept until the
/// factory is disposed with the service provider.
/// </summary>
internal sealed class EtcdServiceEndpointProviderFactory(IEtcdClient client, IOptions<EtcdServiceDiscoveryOptions> options)
    : IServiceEndpointProviderFactory, IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<EndpointSetWatch>> _watches = new(StringComparer.Ordinal);

    public bool TryCreateProvider(ServiceEndpointQuery query, [NotNullWhen(true)] out IServiceEndpointProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (options.Value.ServiceFilter is { } filter && !filter(query.ServiceName))
        {
            provider = null;
            return false;
        }

        var service = options.Value.ServicePrefix + query.ServiceName;
        var watch = _watches.GetOrAdd(service, name => new Lazy<EndpointSetWatch>(() => new EndpointSetWatch(new EndpointManager(client, name)))).Value;
        provider = new EtcdServiceEndpointProvider(watch, service);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var watch in _watches.Values.Where(w => w.IsValueCreated))
        {
            await watch.Value.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>For a container disposed synchronously: stops every watch without waiting for its loop to end.</summary>
    public void Dispose()
    {
        foreach (var watch in _watches.Values.Where(w => w.IsValueCreated))
        {
            _ = watch.Value.DisposeAsync().AsTask();
        }
    }
}
