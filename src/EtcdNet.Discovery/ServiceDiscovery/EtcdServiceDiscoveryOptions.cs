namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>Options of the etcd endpoint provider for Microsoft.Extensions.ServiceDiscovery.</summary>
public sealed class EtcdServiceDiscoveryOptions
{
    /// <summary>
    /// Put before the service name of a request to find its etcd service name: with <c>services/</c>,
    /// <c>http://catalog</c> reads the endpoints under <c>services/catalog/</c>. Default: empty.
    /// </summary>
    public string ServicePrefix { get; set; } = "";

    /// <summary>
    /// Which service names (the host of <c>http://catalog</c>) etcd resolves; the others go to the next provider (for
    /// example DNS). Default: <see langword="null"/>, every name. Set it when service discovery is on for every
    /// <see cref="System.Net.Http.HttpClient"/>, so that external hosts do not each get a watch on etcd.
    /// </summary>
    public Func<string, bool>? ServiceFilter { get; set; }
}
