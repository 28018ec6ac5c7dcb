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

    /// <summary>Parses <c>http://host:port</c>, <c>https://host:port</c> or bare <c>host:port</c> (plain text, as etcd's Go client).</summary>
    /// <exception cref="ArgumentException">The address is not a usable endpoint.</exception>
    public static GrpcEndpoint Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var text = address.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{address}' is not a valid etcd endpoint: use http://host:port, https://host:port or host:port.", nameof(address));
        }

        if (uri.AbsolutePath.Length > 1 || uri.Query.Length > 0)
        {
            throw new ArgumentException($"'{address}' is not a valid etcd endpoint: it must not contain a path or query.", nameof(address));
        }

        return new GrpcEndpoint(address, new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"));
    }

    public Uri GetUri(string path) => _methodUris.GetOrAdd(path, static (p, baseUri) => new Uri(baseUri, p), BaseUri);

    public override string ToString() => Address;
}
