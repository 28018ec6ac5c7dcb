using System.Net;

namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    private static readonly string[] ReservedHeaders = ["host", "content-type", "content-length", "te", "connection", "transfer-encoding", "upgrade", "user-agent", "authorization", "token"];

    /// <summary>
    /// Headers sent with every request, as they are (for gRPC they are metadata): what a proxy, a load balancer or
    /// an authenticating gateway in front of etcd asks for (the Lua client's <c>extra_headers</c>). Names are
    /// case-insensitive; HTTP's own fields, <c>grpc-*</c> and the token's are reserved. Default: none.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Wraps the client's HTTP handler (a <see cref="SocketsHttpHandler"/> set up from these options) in the
    /// caller's: it receives that handler and returns the outermost one, for example
    /// <c>inner => new LoggingHandler { InnerHandler = inner }</c>. Every call and stream then passes through it;
    /// gRPC calls use <see cref="SocketsHttpHandler"/>'s HTTP/2 instead of the client's own faster connections.
    /// Default: null.
    /// </summary>
    public Func<HttpMessageHandler, HttpMessageHandler>? ConfigureHttpHandler { get; init; }

    /// <summary>
    /// Whether requests go through an HTTP proxy: <see cref="Proxy"/>, or when that is null the system's
    /// (<c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>NO_PROXY</c>). Plain-text gRPC cannot pass an HTTP proxy (it needs
    /// HTTP/2 from end to end); https endpoints tunnel through it, and the JSON gateway passes either way.
    /// Default: false, as etcd clients usually talk to their cluster directly.
    /// </summary>
    public bool UseProxy { get; init; }

    /// <summary>The HTTP proxy to use; setting it implies <see cref="UseProxy"/>. Default: null.</summary>
    public IWebProxy? Proxy { get; init; }

    private void CheckProxy(List<EtcdOptionsProblem> problems)
    {
        if (Proxy is null || Protocol != EtcdProtocol.Grpc)
        {
            return;
        }

        foreach (var endpoint in Endpoints ?? [])
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !Proxy.IsBypassed(uri))
            {
                problems.Add(new EtcdOptionsProblem(nameof(Proxy),
                    $"plain-text gRPC cannot pass an HTTP proxy ({endpoint}): use https:// endpoints, which are tunnelled through it, or EtcdClientOptions.Protocol = EtcdProtocol.JsonGateway"));
                return;
            }
        }
    }

    private void CheckHeaders(List<EtcdOptionsProblem> problems)
    {
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            var lower = name?.ToLowerInvariant() ?? "";
            if (lower.Length == 0 || lower.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
            {
                problems.Add(new EtcdOptionsProblem(nameof(Headers), $"'{name}' is not a valid header name"));
            }
            else if (lower.StartsWith("grpc-", StringComparison.Ordinal) || ReservedHeaders.Contains(lower, StringComparer.Ordinal))
            {
                problems.Add(new EtcdOptionsProblem(nameof(Headers), $"'{name}' is set by the client itself"));
            }
            else if (value is null || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                problems.Add(new EtcdOptionsProblem(nameof(Headers), $"the value of '{name}' must be a single line"));
            }
        }
    }
}
