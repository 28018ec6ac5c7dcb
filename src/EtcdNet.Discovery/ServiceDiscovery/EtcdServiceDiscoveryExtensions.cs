using EtcdNet.Discovery.ServiceDiscovery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers etcd as a source of endpoints for Microsoft.Extensions.ServiceDiscovery.</summary>
public static class EtcdServiceDiscoveryExtensions
{
    /// <summary>
    /// Resolves service names (an <see cref="System.Net.Http.HttpClient"/> base address such as <c>http://catalog</c>)
    /// to the endpoints registered in etcd under that name (by <c>EndpointManager</c> or Go's naming/endpoints), and
    /// follows changes through a watch. Uses the <see cref="EtcdNet.IEtcdClient"/> registered in the container, or else
    /// the <see cref="EtcdNet.EtcdClient"/> (for example from <c>AddEtcdClient</c>). Call after
    /// <c>AddServiceDiscoveryCore()</c> or <c>AddServiceDiscovery()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets <see cref="EtcdServiceDiscoveryOptions"/>; optional.</param>
    /// <returns>The same services, for chaining.</returns>
    public static IServiceCollection AddEtcdServiceEndpointProvider(this IServiceCollection services, Action<EtcdServiceDiscoveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<EtcdServiceDiscoveryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceEndpointProviderFactory, EtcdServiceEndpointProviderFactory>(sp =>
            new EtcdServiceEndpointProviderFactory(
                sp.GetService<EtcdNet.IEtcdClient>() ?? sp.GetRequiredService<EtcdNet.EtcdClient>(),
                sp.GetRequiredService<IOptions<EtcdServiceDiscoveryOptions>>())));
        return services;
    }
}
