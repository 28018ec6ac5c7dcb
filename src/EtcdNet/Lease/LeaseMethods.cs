using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>
/// The etcdserverpb.Lease service. Grant, Revoke, TimeToLive and Leases are repeatable (as in etcd's Go
/// client); so is a keep-alive (renewing twice is harmless).
/// </summary>
internal static class LeaseMethods
{
    private const string Service = "etcdserverpb.Lease";

    public static readonly GrpcMethod<LeaseGrantRequest, Protocol.Rpc.LeaseGrantResponse> Grant = new(Service, "LeaseGrant", Protocol.Rpc.LeaseGrantResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<LeaseRevokeRequest, Protocol.Rpc.LeaseRevokeResponse> Revoke = new(Service, "LeaseRevoke", Protocol.Rpc.LeaseRevokeResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<LeaseTimeToLiveRequest, Protocol.Rpc.LeaseTimeToLiveResponse> TimeToLive = new(Service, "LeaseTimeToLive", Protocol.Rpc.LeaseTimeToLiveResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<LeaseKeepAliveRequest, Protocol.Rpc.LeaseKeepAliveResponse> KeepAlive = new(Service, "LeaseKeepAlive", Protocol.Rpc.LeaseKeepAliveResponse.Parser, MethodType.DuplexStreaming, repeatable: true);
    public static readonly GrpcMethod<LeaseLeasesRequest, Protocol.Rpc.LeaseLeasesResponse> Leases = new(Service, "LeaseLeases", Protocol.Rpc.LeaseLeasesResponse.Parser, MethodType.Unary, repeatable: true);
}
