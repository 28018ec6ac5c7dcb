namespace EtcdNet.Transport;

/// <summary>
/// Chooses the transport for a client: etcd's JSON gateway when asked; every call on
/// <see cref="System.Net.Http.SocketsHttpHandler"/> when the user's handlers or a proxy must see it; otherwise unary
/// calls on the client's own HTTP/2 connections, completed on the reading thread (docs/performance.md has the
/// measurements behind this). <c>ETCDNET_HTTP2</c> selects another for comparisons: <c>handler</c> runs every call on
/// <see cref="System.Net.Http.SocketsHttpHandler"/>; <c>pool</c> keeps the own connections but completes callers from
/// the thread pool.
/// </summary>
internal static class TransportFactory
{
    public static ICallTransport Create(TransportSettings settings)
        => settings.UseGateway ? new Gateway.GatewayTransport(settings)
            : settings.NeedsHttpHandler ? new GrpcTransport(settings)
            : Environment.GetEnvironmentVariable("ETCDNET_HTTP2") switch
        {
            "handler" => new GrpcTransport(settings),
            "pool" => new Http2.Http2Transport(settings, inlineCompletion: false),
            _ => new Http2.Http2Transport(settings, inlineCompletion: true),
        };
}
