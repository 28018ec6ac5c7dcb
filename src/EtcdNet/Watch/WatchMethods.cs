using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

/// <summary>The etcdserverpb.Watch service: one duplex stream carrying many watches.</summary>
internal static class WatchMethods
{
    public static readonly GrpcMethod<WatchRequest, Protocol.Rpc.WatchResponse> Watch = new("etcdserverpb.Watch", "Watch", Protocol.Rpc.WatchResponse.Parser, MethodType.DuplexStreaming, repeatable: true);
}
