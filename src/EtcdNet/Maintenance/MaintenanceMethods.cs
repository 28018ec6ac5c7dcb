using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Maintenance;

/// <summary>The etcdserverpb.Maintenance service.</summary>
internal static class MaintenanceMethods
{
    private const string Service = "etcdserverpb.Maintenance";

    public static readonly GrpcMethod<StatusRequest, StatusResponse> Status = new(Service, "Status", StatusResponse.Parser, MethodType.Unary, repeatable: true);
}
