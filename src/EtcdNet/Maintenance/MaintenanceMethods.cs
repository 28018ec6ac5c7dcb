using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Maintenance;

/// <summary>
/// The etcdserverpb.Maintenance service. As in etcd's Go client (clientv3/retry.go), Alarm, Status,
/// Hash, HashKV, Snapshot and MoveLeader are repeatable; Defragment is not.
/// </summary>
internal static class MaintenanceMethods
{
    private const string Service = "etcdserverpb.Maintenance";

    public static readonly GrpcMethod<StatusRequest, Protocol.Rpc.StatusResponse> Status = new(Service, "Status", Protocol.Rpc.StatusResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AlarmRequest, Protocol.Rpc.AlarmResponse> Alarm = new(Service, "Alarm", Protocol.Rpc.AlarmResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<DefragmentRequest, Protocol.Rpc.DefragmentResponse> Defragment = new(Service, "Defragment", Protocol.Rpc.DefragmentResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<HashRequest, Protocol.Rpc.HashResponse> Hash = new(Service, "Hash", Protocol.Rpc.HashResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<HashKVRequest, Protocol.Rpc.HashKVResponse> HashKv = new(Service, "HashKV", Protocol.Rpc.HashKVResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<SnapshotRequest, Protocol.Rpc.SnapshotResponse> Snapshot = new(Service, "Snapshot", Protocol.Rpc.SnapshotResponse.Parser, MethodType.ServerStreaming, repeatable: true);
    public static readonly GrpcMethod<MoveLeaderRequest, Protocol.Rpc.MoveLeaderResponse> MoveLeader = new(Service, "MoveLeader", Protocol.Rpc.MoveLeaderResponse.Parser, MethodType.Unary, repeatable: false);
}
