using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Cluster;

/// <summary>
/// The etcdserverpb.Cluster service. As in etcd's Go client (clientv3/retry.go), only MemberList is
/// repeatable; adding, removing, updating and promoting members are writes.
/// </summary>
internal static class ClusterMethods
{
    private const string Service = "etcdserverpb.Cluster";

    public static readonly GrpcMethod<MemberAddRequest, Protocol.Rpc.MemberAddResponse> MemberAdd = new(Service, "MemberAdd", Protocol.Rpc.MemberAddResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<MemberRemoveRequest, Protocol.Rpc.MemberRemoveResponse> MemberRemove = new(Service, "MemberRemove", Protocol.Rpc.MemberRemoveResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<MemberUpdateRequest, Protocol.Rpc.MemberUpdateResponse> MemberUpdate = new(Service, "MemberUpdate", Protocol.Rpc.MemberUpdateResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<MemberListRequest, Protocol.Rpc.MemberListResponse> MemberList = new(Service, "MemberList", Protocol.Rpc.MemberListResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<MemberPromoteRequest, Protocol.Rpc.MemberPromoteResponse> MemberPromote = new(Service, "MemberPromote", Protocol.Rpc.MemberPromoteResponse.Parser, MethodType.Unary, repeatable: false);
}
