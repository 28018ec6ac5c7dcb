using System.Net;
using System.Text.Json;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Maintenance;

/// <summary>
/// Reads etcd's HTTP <c>/version</c> (<c>{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}</c>), served
/// over HTTP/1.1 next to gRPC on the client port; the gRPC API has no cluster version. Tries the
/// client's endpoints in turn; when none serves it, the server version comes from Status.
/// </summary>
internal static class VersionProbe
{
    public static async Task<VersionResponse> GetAsync(RpcInvoker invoker, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = invoker.RequestTimeout;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                deadline.CancelAfter(timeout);
            }

            using var http = CreateClient(invoker);
            var endpoints = invoker.Pool.Endpoints.ToArray();
            var first = Math.Max(0, Array.IndexOf(endpoints, invoker.Pool.Pick().Endpoint));
            for (var i = 0; i < endpoints.Length; i++)
            {
                var endpoint = endpoints[(first + i) % endpoints.Length];
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(2 * invoker.Transport.Settings.DialTimeout); // a silent endpoint must not use up the whole timeout
                try
                {
                    if (await TryReadAsync(http, new Uri(endpoint.BaseUri, "version"), attempt.Token).ConfigureAwait(false) is { } versions)
                    {
                        return new VersionResponse(versions.Server, versions.Cluster, endpoint.Address);
                    }
                }
                catch (Exception e) when (!deadline.IsCancellationRequested && e is HttpRequestException or JsonException or IOException or OperationCanceledException)
                {
                    // Not served here: try the next endpoint, then fall back to Status.
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new EtcdTimeoutException(timeout, endpoint.Address, e);
                }
                catch (OperationCanceledException e) when (e.CancellationToken != cancellationToken)
                {
                    throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
                }
            }
        }

        var status = await invoker.UnaryAsync(MaintenanceMethods.Status, new StatusRequest(), cancellationToken).ConfigureAwait(false);
        return new VersionResponse(status.Version, null, string.Empty);
    }

    private static HttpClient CreateClient(RpcInvoker invoker)
    {
        var settings = invoker.Transport.Settings;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.DialTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (settings.Ssl is { } ssl)
        {
            handler.SslOptions = ssl;
        }

        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async Task<(string Server, string? Cluster)?> TryReadAsync(HttpClient http, Uri uri, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await http.SendAsync(request, token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: token).ConfigureAwait(false);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("etcdserver", out var server) || server.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var cluster = root.TryGetProperty("etcdcluster", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            return (server.GetString()!, string.IsNullOrEmpty(cluster) || cluster == "not_decided" ? null : cluster);
        }
    }
}
