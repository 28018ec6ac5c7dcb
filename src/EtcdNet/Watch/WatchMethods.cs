using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>The etcdserverpb.Watch service: one duplex stream carrying many watches.</summary>
internal static class WatchMethods
{
    public static readonly GrpcMethod<WatchRequest, WatchResponse> Watch = new("etcdserverpb.Watch", "Watch", WatchResponse.Parser, MethodType.DuplexStreaming, repeatable: true);
}
