namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>Options of the etcd endpoint provider for Microsoft.Extensions.ServiceDiscovery.</summary>
public sealed class EtcdServiceDiscoveryOptions
{
    /// <summary>
    /// Put before the service name of a request to find its etcd service name: with <c>services/</c>,
    /// <c>http://catalog</c> reads the endpoints under <c>services/catalog/</c>. Default: empty.
    /// </summary>
    public string ServicePrefix { get; set; } = "";
}
