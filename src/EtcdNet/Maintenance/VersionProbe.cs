using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Maintenance;

/// <summary>
/// Reads etcd's HTTP <c>/version</c> (<c>{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}</c>), served over HTTP/1.1
/// next to gRPC on the client port (the gRPC API has no cluster version), through the client's own call loop and
/// transport: the same endpoint choice, deadline, retries and TLS server name as any read. When the member does
/// not serve it, the server version comes from Status.
/// </summary>
internal static class VersionProbe
{
    /// <summary>The HTTP GET of <c>/version</c>, named for the call loop and its telemetry; safe to repeat.</summary>
    private static readonly GrpcMethod<StatusRequest, Protocol.Rpc.StatusResponse> HttpVersion = new("http", "version", Protocol.Rpc.StatusResponse.Parser, MethodType.Unary, repeatable: true);

    public static async Task<VersionResponse> GetAsync(RpcInvoker invoker, CancellationToken cancellationToken)
    {
        var served = await invoker.RunAsync(
            HttpVersion,
            invoker.Transport,
            static async (transport, endpoint, _, token) => await TryReadAsync(transport, endpoint, token).ConfigureAwait(false) is { } v
                ? new VersionResponse(v.Server, v.Cluster, endpoint.Address)
                : null,
            invoker.RequestTimeout,
            withToken: false,
            pinned: null,
            persistent: false,
            cancellationToken).ConfigureAwait(false);
        if (served is not null)
        {
            return served;
        }

        var status = await invoker.UnaryAsync(MaintenanceMethods.Status, new StatusRequest(), cancellationToken).ConfigureAwait(false);
        return new VersionResponse(status.Version, null, string.Empty);
    }

    /// <summary>The versions from the member's <c>/version</c>, or null when it does not serve them.</summary>
    private static async Task<(string Server, string? Cluster)?> TryReadAsync(ICallTransport transport, GrpcEndpoint endpoint, CancellationToken token)
    {
        var (status, body) = await transport.GetAsync(endpoint, "version", token).ConfigureAwait(false);
        return status is < 200 or > 299 ? null : EtcdVersionDocument.TryParse(body);
    }
}
