using System.Collections.Frozen;

namespace EtcdNet.Transport.Gateway;

/// <summary>
/// Where etcd's HTTP/JSON gateway serves each RPC, below the API prefix (<c>/v3</c>, <c>/v3beta</c>, <c>/v3alpha</c>).
/// The gateway serves every RPC by POST except AuthStatus (which etcd 3.4 does not expose) and HashKV (its path is
/// Hash's, and the gateway routes it to Hash).
/// </summary>
internal static class GatewayRoutes
{
    private static readonly FrozenDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/etcdserverpb.KV/Range"] = "/kv/range",
        ["/etcdserverpb.KV/Put"] = "/kv/put",
        ["/etcdserverpb.KV/DeleteRange"] = "/kv/deleterange",
        ["/etcdserverpb.KV/Txn"] = "/kv/txn",
        ["/etcdserverpb.KV/Compact"] = "/kv/compaction",
        ["/etcdserverpb.Watch/Watch"] = "/watch",
        ["/etcdserverpb.Lease/LeaseGrant"] = "/lease/grant",
        ["/etcdserverpb.Lease/LeaseRevoke"] = "/lease/revoke",
        ["/etcdserverpb.Lease/LeaseKeepAlive"] = "/lease/keepalive",
        ["/etcdserverpb.Lease/LeaseTimeToLive"] = "/lease/timetolive",
        ["/etcdserverpb.Lease/LeaseLeases"] = "/lease/leases",
        ["/etcdserverpb.Cluster/MemberAdd"] = "/cluster/member/add",
        ["/etcdserverpb.Cluster/MemberRemove"] = "/cluster/member/remove",
        ["/etcdserverpb.Cluster/MemberUpdate"] = "/cluster/member/update",
        ["/etcdserverpb.Cluster/MemberList"] = "/cluster/member/list",
        ["/etcdserverpb.Cluster/MemberPromote"] = "/cluster/member/promote",
        ["/etcdserverpb.Maintenance/Alarm"] = "/maintenance/alarm",
        ["/etcdserverpb.Maintenance/Status"] = "/maintenance/status",
        ["/etcdserverpb.Maintenance/Defragment"] = "/maintenance/defragment",
        ["/etcdserverpb.Maintenance/Hash"] = "/maintenance/hash",
        ["/etcdserverpb.Maintenance/Snapshot"] = "/maintenance/snapshot",
        ["/etcdserverpb.Maintenance/MoveLeader"] = "/maintenance/transfer-leadership",
        ["/etcdserverpb.Auth/AuthEnable"] = "/auth/enable",
        ["/etcdserverpb.Auth/AuthDisable"] = "/auth/disable",
        ["/etcdserverpb.Auth/Authenticate"] = "/auth/authenticate",
        ["/etcdserverpb.Auth/UserAdd"] = "/auth/user/add",
        ["/etcdserverpb.Auth/UserGet"] = "/auth/user/get",
        ["/etcdserverpb.Auth/UserList"] = "/auth/user/list",
        ["/etcdserverpb.Auth/UserDelete"] = "/auth/user/delete",
        ["/etcdserverpb.Auth/UserChangePassword"] = "/auth/user/changepw",
        ["/etcdserverpb.Auth/UserGrantRole"] = "/auth/user/grant",
        ["/etcdserverpb.Auth/UserRevokeRole"] = "/auth/user/revoke",
        ["/etcdserverpb.Auth/RoleAdd"] = "/auth/role/add",
        ["/etcdserverpb.Auth/RoleGet"] = "/auth/role/get",
        ["/etcdserverpb.Auth/RoleList"] = "/auth/role/list",
        ["/etcdserverpb.Auth/RoleDelete"] = "/auth/role/delete",
        ["/etcdserverpb.Auth/RoleGrantPermission"] = "/auth/role/grant",
        ["/etcdserverpb.Auth/RoleRevokePermission"] = "/auth/role/revoke",
        ["/v3electionpb.Election/Campaign"] = "/election/campaign",
        ["/v3electionpb.Election/Proclaim"] = "/election/proclaim",
        ["/v3electionpb.Election/Leader"] = "/election/leader",
        ["/v3electionpb.Election/Observe"] = "/election/observe",
        ["/v3electionpb.Election/Resign"] = "/election/resign",
        ["/v3lockpb.Lock/Lock"] = "/lock/lock",
        ["/v3lockpb.Lock/Unlock"] = "/lock/unlock",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The gateway path of the RPC at gRPC path <paramref name="grpcPath"/> below the API prefix.</summary>
    /// <exception cref="NotSupportedException">The gateway does not serve it.</exception>
    public static string Of(string grpcPath)
        => Routes.TryGetValue(grpcPath, out var route) ? route
            : throw new NotSupportedException(
                $"etcd's JSON gateway does not serve {grpcPath.TrimStart('/')}; it needs EtcdClientOptions.Protocol = EtcdProtocol.Grpc.");

    /// <summary>The API prefix etcd <paramref name="version"/> serves its gateway under (as the Lua client chooses it).</summary>
    public static string PrefixFor(string? version)
    {
        if (version is null || !Version.TryParse(version.Split('-')[0], out var parsed))
        {
            return "/v3";
        }

        return parsed.Major == 3 && parsed.Minor <= 2 ? "/v3alpha" : parsed.Major == 3 && parsed.Minor == 3 ? "/v3beta" : "/v3";
    }
}
