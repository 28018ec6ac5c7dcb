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

            var endpoints = invoker.Pool.Endpoints.ToArray();
            var first = Math.Max(0, Array.IndexOf(endpoints, invoker.Pool.Pick().Endpoint));
            for (var i = 0; i < endpoints.Length; i++)
            {
                var endpoint = endpoints[(first + i) % endpoints.Length];
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                attempt.CancelAfter(2 * invoker.Transport.Settings.DialTimeout); // a silent endpoint must not use up the whole timeout
                try
                {
                    if (await TryReadAsync(invoker.Transport, endpoint, attempt.Token).ConfigureAwait(false) is { } versions)
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

    private static async Task<(string Server, string? Cluster)?> TryReadAsync(Transport.ICallTransport transport, Transport.GrpcEndpoint endpoint, CancellationToken token)
    {
        var (status, body) = await transport.GetAsync(endpoint, "version", token).ConfigureAwait(false);
        if (status is < 200 or > 299)
        {
            return null;
        }

        using var json = JsonDocument.Parse(body);
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
