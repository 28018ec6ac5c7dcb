using Microsoft.Extensions.ServiceDiscovery;

namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>
/// Resolves one service's endpoints from etcd for Microsoft.Extensions.ServiceDiscovery: the live set followed by a
/// watch, with a change token so that the resolver refreshes when the set changes rather than on a timer.
/// </summary>
internal sealed class EtcdServiceEndpointProvider(EndpointSetWatch watch, string service) : IServiceEndpointProvider
{
    public async ValueTask PopulateAsync(IServiceEndpointBuilder endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var (set, changed) = await watch.CurrentAsync(cancellationToken).ConfigureAwait(false);
        foreach (var registered in set.Values)
        {
            if (Microsoft.Extensions.ServiceDiscovery.ServiceEndpoint.TryParse(registered.Address, out var endpoint))
            {
                endpoints.Endpoints.Add(endpoint);
            }
        }

        endpoints.AddChangeToken(changed);
    }

    /// <summary>The watch is shared by every provider of the service and owned by the factory.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override string ToString() => $"etcd ({service})";
}
