using System.Net;

namespace EtcdNet.Transport;

/// <summary>
/// What every HTTP request of a client's HTTP-based transports carries (the user agent, the user's headers, the TLS
/// server name, the unix socket to use), and the plain GET both of them send for <c>/version</c> and <c>/metrics</c>.
/// </summary>
internal sealed class RequestDefaults(TransportSettings settings)
{
    private readonly ServerNameHeader _serverName = new(settings);

    public void Apply(HttpRequestMessage request, GrpcEndpoint endpoint)
    {
        request.Headers.TryAddWithoutValidation("user-agent", settings.UserAgent);
        foreach (var (name, value) in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        _serverName.Apply(request, endpoint);
        HttpHandlerFactory.Route(request, endpoint);
    }

    /// <summary>Sends an HTTP/1.1 GET for <paramref name="path"/> on <paramref name="http"/>.</summary>
    /// <returns>The status code and the body.</returns>
    /// <exception cref="GrpcCallException">The endpoint could not be reached or the connection broke.</exception>
    public async Task<(int StatusCode, byte[] Body)> GetAsync(HttpMessageInvoker http, GrpcEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.GetUri(path)) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        Apply(request, endpoint);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (GrpcFailureMapper.Map(e, endpoint, requestSent: true, cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped; // a GET changes nothing: "sent" only keeps the mapping honest about what is known
        }
    }
}
