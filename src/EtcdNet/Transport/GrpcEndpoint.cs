using System.Collections.Concurrent;

namespace EtcdNet.Transport;

/// <summary>One etcd client URL, with the request URIs of the methods called on it cached.</summary>
internal sealed class GrpcEndpoint
{
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);
    private volatile bool _spokeGrpc;

    private GrpcEndpoint(string address, Uri baseUri)
    {
        Address = address;
        BaseUri = baseUri;
    }

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

    /// <summary>Parses <c>http://host:port</c>, <c>https://host:port</c> or bare <c>host:port</c> (plain text, as etcd's Go client).</summary>
    /// <exception cref="ArgumentException">The address is not a usable endpoint.</exception>
    public static GrpcEndpoint Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (Problem(address) is { } problem)
        {
            throw new ArgumentException(problem + ".", nameof(address));
        }

        var uri = new Uri(WithScheme(address));
        return new GrpcEndpoint(address, new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    /// <summary>Why <paramref name="address"/> is not a valid endpoint (for example "is not a valid etcd endpoint: ..."), or null when it is.</summary>
    public static string? Problem(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "is empty: an endpoint is http://host:port, https://host:port or host:port";
        }

        if (!Uri.TryCreate(WithScheme(address), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            return $"'{address}' is not a valid etcd endpoint: use http://host:port, https://host:port or host:port";
        }

        return uri.AbsolutePath.Length > 1 || uri.Query.Length > 0
            ? $"'{address}' is not a valid etcd endpoint: it must not contain a path or query"
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
