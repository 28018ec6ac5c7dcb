using System.Collections.Concurrent;

namespace EtcdNet.Transport;

/// <summary>One etcd client URL, with the request URIs of the methods called on it cached.</summary>
internal sealed class GrpcEndpoint
{
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private volatile bool _spokeGrpc;

    private static readonly ConcurrentDictionary<string, int> SocketIds = new(StringComparer.Ordinal);
    private static int _lastSocketId;

    private GrpcEndpoint(string address, Uri baseUri, string? socketPath = null)
    {
        Address = address;
        BaseUri = baseUri;
        SocketPath = socketPath;
    }

    /// <summary>
    /// The unix domain socket of a <c>unix://</c> or <c>unixs://</c> endpoint (everything after the scheme, as etcd
    /// and its Go client read it: <c>unix://localhost:2379</c> is the socket file <c>localhost:2379</c> in the current
    /// directory, <c>unix:///run/etcd.sock</c> an absolute path); null for a TCP endpoint. Such an endpoint's
    /// <see cref="BaseUri"/> is <c>http://localhost:N/</c> (https for unixs), N a number that tells sockets apart.
    /// </summary>
    public string? SocketPath { get; }

    /// <summary>The endpoint as the user wrote it.</summary>
    public string Address { get; }

    /// <summary>Scheme, host and port: <c>http://host:port/</c> or <c>https://host:port/</c>.</summary>
    public Uri BaseUri { get; }

    public bool IsTls => BaseUri.Scheme == Uri.UriSchemeHttps;

    /// <summary>True once the endpoint has answered with a gRPC response: it is known to speak HTTP/2 gRPC.</summary>
    public bool SpokeGrpc => _spokeGrpc;

    public void MarkSpokeGrpc() => _spokeGrpc = true;

    /// <summary>The etcd version the member reported in its last Status answer (<c>3.4.23</c>), or null while unknown.</summary>
    public string? ServerVersion
    {
        get => Volatile.Read(ref _serverVersion);
        set => Volatile.Write(ref _serverVersion, value);
    }

    private string? _serverVersion;

    /// <summary>Parses <c>http://host:port</c>, <c>https://host:port</c>, bare <c>host:port</c> (plain text, as etcd's Go client), <c>unix://path</c> or <c>unixs://path</c>.</summary>
    /// <exception cref="ArgumentException">The address is not a usable endpoint.</exception>
    public static GrpcEndpoint Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (Problem(address) is { } problem)
        {
            throw new ArgumentException(problem + ".", nameof(address));
        }

        if (UnixSocket(address) is var (path, tls))
        {
            var id = SocketIds.GetOrAdd(path, _ => Interlocked.Increment(ref _lastSocketId));
            return new GrpcEndpoint(address, new Uri($"{(tls ? "https" : "http")}://localhost:{id}/"), path);
        }

        var uri = new Uri(WithScheme(address));
        return new GrpcEndpoint(address, new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>Why <paramref name="address"/> is not a valid endpoint (for example "is not a valid etcd endpoint: ..."), or null when it is.</summary>
    public static string? Problem(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "is empty: an endpoint is http://host:port, https://host:port, host:port, unix://path or unixs://path";
        }

        if (UnixSocket(address) is var (path, _))
        {
            return path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) ? $"'{address}' is not a valid etcd endpoint: unix:// needs a socket path" : null;
        }

        if (!Uri.TryCreate(WithScheme(address), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return $"'{address}' is not a valid etcd endpoint: use http://host:port, https://host:port or host:port";
        }

        return uri.AbsolutePath.Length > 1 || uri.Query.Length > 0
            ? $"'{address}' is not a valid etcd endpoint: it must not contain a path or query"
            : null;
    }

    /// <summary>The socket path and whether TLS is used, for a unix:// or unixs:// address; null for any other.</summary>
    private static (string Path, bool Tls)? UnixSocket(string address)
    {
        var text = address.Trim();
        return text.StartsWith("unix://", StringComparison.OrdinalIgnoreCase) ? (text["unix://".Length..], false)
            : text.StartsWith("unixs://", StringComparison.OrdinalIgnoreCase) ? (text["unixs://".Length..], true)
            : null;
    }

    private static string WithScheme(string address)
    {
        var text = address.Trim();
        return text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
    }

    public Uri GetUri(string path) => _methodUris.GetOrAdd(path, static (p, baseUri) => new Uri(baseUri, p), BaseUri);

    public override string ToString() => Address;
}
