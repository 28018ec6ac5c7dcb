using Grpc.Net.Client.Balancer;

namespace EtcdNet.Discovery.Grpc;

/// <summary>
/// Resolves <c>etcd:///&lt;service&gt;</c> channel addresses to the endpoints registered in etcd under that service
/// name (Go's <c>etcd:///</c> resolver scheme). Register it in the channel's service provider
/// (<c>services.AddSingleton&lt;ResolverFactory&gt;(new EtcdResolverFactory(client))</c>) and give the channel a
/// load-balancing policy such as round robin to use every endpoint.
/// </summary>
/// <param name="client">The client (or namespace view) to read the endpoints with; not disposed by the resolvers.</param>
public sealed class EtcdResolverFactory(IEtcdClient client) : ResolverFactory
{
    private readonly IEtcdClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>The address scheme: <c>etcd</c>.</summary>
    public override string Name => "etcd";

    /// <summary>Creates the resolver of one channel.</summary>
    /// <param name="options">The channel's address (<c>etcd:///catalog</c>) and options.</param>
    /// <returns>The resolver.</returns>
    /// <exception cref="ArgumentException">The address names no service.</exception>
    public override Resolver Create(ResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var service = options.Address.AbsolutePath.Trim('/');
        if (service.Length == 0)
        {
            throw new ArgumentException($"An etcd resolver address names a service, as etcd:///catalog; got '{options.Address}'.", nameof(options));
        }

        return new EtcdResolver(new EndpointManager(_client, Uri.UnescapeDataString(service)), options.DefaultPort);
    }
}
