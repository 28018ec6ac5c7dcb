using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Auth;

/// <summary>The etcdserverpb.Auth service. Reads of users and roles are repeatable, as in etcd's Go client.</summary>
internal static class AuthMethods
{
    private const string Service = "etcdserverpb.Auth";

    public static readonly GrpcMethod<AuthEnableRequest, AuthEnableResponse> AuthEnable = new(Service, "AuthEnable", AuthEnableResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthDisableRequest, AuthDisableResponse> AuthDisable = new(Service, "AuthDisable", AuthDisableResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthStatusRequest, Protocol.Rpc.AuthStatusResponse> AuthStatus = new(Service, "AuthStatus", Protocol.Rpc.AuthStatusResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AuthenticateRequest, AuthenticateResponse> Authenticate = new(Service, "Authenticate", AuthenticateResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthUserAddRequest, AuthUserAddResponse> UserAdd = new(Service, "UserAdd", AuthUserAddResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthUserGetRequest, AuthUserGetResponse> UserGet = new(Service, "UserGet", AuthUserGetResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AuthUserListRequest, AuthUserListResponse> UserList = new(Service, "UserList", AuthUserListResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AuthUserDeleteRequest, AuthUserDeleteResponse> UserDelete = new(Service, "UserDelete", AuthUserDeleteResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthUserChangePasswordRequest, AuthUserChangePasswordResponse> UserChangePassword = new(Service, "UserChangePassword", AuthUserChangePasswordResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthUserGrantRoleRequest, AuthUserGrantRoleResponse> UserGrantRole = new(Service, "UserGrantRole", AuthUserGrantRoleResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthUserRevokeRoleRequest, AuthUserRevokeRoleResponse> UserRevokeRole = new(Service, "UserRevokeRole", AuthUserRevokeRoleResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthRoleAddRequest, AuthRoleAddResponse> RoleAdd = new(Service, "RoleAdd", AuthRoleAddResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthRoleGetRequest, AuthRoleGetResponse> RoleGet = new(Service, "RoleGet", AuthRoleGetResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AuthRoleListRequest, AuthRoleListResponse> RoleList = new(Service, "RoleList", AuthRoleListResponse.Parser, MethodType.Unary, repeatable: true);
    public static readonly GrpcMethod<AuthRoleDeleteRequest, AuthRoleDeleteResponse> RoleDelete = new(Service, "RoleDelete", AuthRoleDeleteResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthRoleGrantPermissionRequest, AuthRoleGrantPermissionResponse> RoleGrantPermission = new(Service, "RoleGrantPermission", AuthRoleGrantPermissionResponse.Parser, MethodType.Unary, repeatable: false);
    public static readonly GrpcMethod<AuthRoleRevokePermissionRequest, AuthRoleRevokePermissionResponse> RoleRevokePermission = new(Service, "RoleRevokePermission", AuthRoleRevokePermissionResponse.Parser, MethodType.Unary, repeatable: false);
}
