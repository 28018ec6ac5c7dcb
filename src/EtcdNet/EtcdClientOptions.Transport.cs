using EtcdNet.Transport;

namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>The TLS options used when none are set: the system trust store, with failures that name their cause.</summary>
    private static readonly EtcdTlsOptions SystemTrust = new();

    /// <summary>The transport's share of these options (validated already).</summary>
    /// <param name="userAgent">The user-agent header value.</param>
    internal TransportSettings ToTransportSettings(string userAgent)
        => new(DialTimeout, KeepAliveTime, KeepAliveTimeout, MaxSendMessageSize, MaxReceiveMessageSize, (Tls ?? SystemTrust).ToSslOptions(), userAgent)
        {
            Owner = typeof(EtcdClient),
            UseGateway = Protocol == EtcdProtocol.JsonGateway,
            Headers = Headers is null ? [] : [.. Headers.Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value))],
            WrapHandler = ConfigureHttpHandler,
            UseProxy = UseProxy || Proxy is not null,
            Proxy = Proxy,
            GatewayPrefix = ApiPrefix,
        };
}
