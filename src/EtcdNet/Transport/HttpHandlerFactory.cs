using System.Collections.Concurrent;
using System.Net;

namespace EtcdNet.Transport;

/// <summary>
/// The <see cref="SocketsHttpHandler"/> every HTTP-based transport of a client uses: connect timeout, HTTP/2
/// keep-alive pings while calls are active, connections kept for the client's life, TLS as configured, no
/// redirects, cookies or proxy.
/// </summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(TransportSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.DialTimeout,
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = settings.KeepAliveTime,
            KeepAlivePingTimeout = settings.KeepAliveTimeout,
            // etcd rejects pings on idle connections (no active streams) as abuse, so ping only while calls are active.
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (settings.Ssl is { } ssl)
        {
            handler.SslOptions = ssl;
        }

        return handler;
    }
}

/// <summary>
/// Sends the configured TLS server name as each https request's host: <see cref="SocketsHttpHandler"/> replaces
/// <c>SslOptions.TargetHost</c> with the request's host (the Host header, else the URI host), so this is how another
/// server name is verified and sent (SNI).
/// </summary>
internal sealed class ServerNameHeader(TransportSettings settings)
{
    private readonly string? _name = string.IsNullOrEmpty(settings.Ssl?.TargetHost) ? null
        : Uri.CheckHostName(settings.Ssl.TargetHost) == UriHostNameType.IPv6 ? $"[{settings.Ssl.TargetHost}]" : settings.Ssl.TargetHost;

    private readonly ConcurrentDictionary<int, string> _hostHeaders = new();

    public void Apply(HttpRequestMessage request, GrpcEndpoint endpoint)
    {
        if (_name is not null && endpoint.IsTls)
        {
            request.Headers.Host = _hostHeaders.GetOrAdd(endpoint.BaseUri.Port, static (port, name) => $"{name}:{port}", _name);
        }
    }
}
