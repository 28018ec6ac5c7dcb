namespace EtcdNet.Transport;

/// <summary>
/// Chooses the transport for a client: every call on <see cref="System.Net.Http.SocketsHttpHandler"/> by default.
/// <c>ETCDNET_HTTP2=inline</c> runs unary calls on the client's own HTTP/2 connections, completed on the reading
/// thread (docs/performance.md has the measurements); <c>pool</c> completes them from the thread pool. The own
/// connection becomes the default once the robustness suite's fault schedules pass on it every time.
/// </summary>
internal static class TransportFactory
{
    public static ICallTransport Create(TransportSettings settings)
        => Environment.GetEnvironmentVariable("ETCDNET_HTTP2") switch
        {
            "inline" => new Http2.Http2Transport(settings, inlineCompletion: true),
            "pool" => new Http2.Http2Transport(settings, inlineCompletion: false),
            _ => new GrpcTransport(settings),
        };
}
