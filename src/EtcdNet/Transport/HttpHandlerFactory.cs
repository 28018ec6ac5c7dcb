using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EtcdNet.Transport;

/// <summary>
/// The HTTP handler every HTTP-based transport of a client uses: a <see cref="SocketsHttpHandler"/> with the connect
/// timeout, HTTP/2 keep-alive pings while calls are active, connections kept for the client's life, TLS as
/// configured, unix domain sockets for <c>unix://</c> endpoints, no redirects or cookies, a proxy only when asked;
/// wrapped in the user's handlers when given.
/// </summary>
internal static class HttpHandlerFactory
{
    /// <summary>The request option that carries a unix:// endpoint's socket path to the connect callback.</summary>
    public static readonly HttpRequestOptionsKey<string> SocketPath = new("EtcdNet.SocketPath");

    public static HttpMessageHandler Create(TransportSettings settings)
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
            UseProxy = settings.UseProxy,
            Proxy = settings.Proxy,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
        };
        if (settings.Ssl is { } ssl)
        {
            handler.SslOptions = ssl;
        }

        if (settings.WrapHandler is not { } wrap)
        {
            return handler;
        }

        try
        {
            return Checked(wrap(handler));
        }
        catch
        {
            handler.Dispose();
            throw;
        }
    }

    /// <summary>The caller's outermost handler, once it is known to lead to a handler that sends.</summary>
    /// <exception cref="ArgumentException">It is null, or a delegating handler in it has no inner handler.</exception>
    private static HttpMessageHandler Checked(HttpMessageHandler? outer)
    {
        for (var handler = outer; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
        {
            if (delegating.InnerHandler is null)
            {
                throw new ArgumentException(
                    $"EtcdClientOptions.ConfigureHttpHandler returned a chain in which {delegating.GetType().Name} has no InnerHandler: set it to the handler the function receives (inner => new MyHandler {{ InnerHandler = inner }}).");
            }
        }

        return outer ?? throw new ArgumentException("EtcdClientOptions.ConfigureHttpHandler returned null: return the handler it receives, or one that wraps it.");
    }

    /// <summary>Marks <paramref name="request"/> for <paramref name="endpoint"/>'s unix domain socket, when it has one.</summary>
    public static void Route(HttpRequestMessage request, GrpcEndpoint endpoint)
    {
        if (endpoint.SocketPath is { } path)
        {
            request.Options.Set(SocketPath, path);
        }
    }

    /// <summary>Connects to the request's unix domain socket, or by TCP (with Nagle off) as the handler would.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var unix = context.InitialRequestMessage.Options.TryGetValue(SocketPath, out var path);
        var socket = unix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (unix)
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path!), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
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
