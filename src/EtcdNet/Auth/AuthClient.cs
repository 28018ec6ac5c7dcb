using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;

namespace EtcdNet.Auth;

/// <summary>The Auth service client.</summary>
internal sealed class AuthClient : IAuthClient
{
    private readonly RpcInvoker _invoker;

    public AuthClient(RpcInvoker invoker) => _invoker = invoker;

    public async Task<ResponseHeader> AuthEnableAsync(CancellationToken cancellationToken = default)
        => ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.AuthEnable, new AuthEnableRequest(), cancellationToken).ConfigureAwait(false)).Header);

    public async Task<ResponseHeader> AuthDisableAsync(CancellationToken cancellationToken = default)
        => ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.AuthDisable, new AuthDisableRequest(), cancellationToken).ConfigureAwait(false)).Header);

    public async Task<EtcdNet.AuthStatusResponse> AuthStatusAsync(CancellationToken cancellationToken = default)
        => new(await _invoker.UnaryAsync(AuthMethods.AuthStatus, new AuthStatusRequest(), cancellationToken).ConfigureAwait(false));

    public async Task<string> AuthenticateAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(password);
        var response = await _invoker.UnaryAsync(AuthMethods.Authenticate, new AuthenticateRequest { Name = name, Password = password }, cancellationToken).ConfigureAwait(false);
        return response.Token;
    }

    public async Task<ResponseHeader> UserAddAsync(string name, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var request = new AuthUserAddRequest { Name = name, Password = password ?? string.Empty, Options = new Protocol.Auth.UserAddOptions { NoPassword = password is null } };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.UserAdd, request, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<IReadOnlyList<string>> UserGetAsync(string name, CancellationToken cancellationToken = default)
        => (await UserGetWithHeaderAsync(name, cancellationToken).ConfigureAwait(false)).Items;

    public async Task<AuthReadResponse<string>> UserGetWithHeaderAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var response = await _invoker.UnaryAsync(AuthMethods.UserGet, new AuthUserGetRequest { Name = name }, cancellationToken).ConfigureAwait(false);
        return new(ResponseHeader.From(response.Header), response.Roles.ToArray());
    }

    public async Task<IReadOnlyList<string>> UserListAsync(CancellationToken cancellationToken = default)
        => (await UserListWithHeaderAsync(cancellationToken).ConfigureAwait(false)).Items;

    public async Task<AuthReadResponse<string>> UserListWithHeaderAsync(CancellationToken cancellationToken = default)
    {
        var response = await _invoker.UnaryAsync(AuthMethods.UserList, new AuthUserListRequest(), cancellationToken).ConfigureAwait(false);
        return new(ResponseHeader.From(response.Header), response.Users.ToArray());
    }

    public async Task<ResponseHeader> UserDeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.UserDelete, new AuthUserDeleteRequest { Name = name }, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> UserChangePasswordAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var request = new AuthUserChangePasswordRequest { Name = name, Password = password };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.UserChangePassword, request, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> UserGrantRoleAsync(string user, string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(role);
        var request = new AuthUserGrantRoleRequest { User = user, Role = role };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.UserGrantRole, request, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> UserRevokeRoleAsync(string user, string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(role);
        var request = new AuthUserRevokeRoleRequest { Name = user, Role = role };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.UserRevokeRole, request, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> RoleAddAsync(string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.RoleAdd, new AuthRoleAddRequest { Name = role }, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<IReadOnlyList<Permission>> RoleGetAsync(string role, CancellationToken cancellationToken = default)
        => (await RoleGetWithHeaderAsync(role, cancellationToken).ConfigureAwait(false)).Items;

    public async Task<AuthReadResponse<Permission>> RoleGetWithHeaderAsync(string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        var response = await _invoker.UnaryAsync(AuthMethods.RoleGet, new AuthRoleGetRequest { Role = role }, cancellationToken).ConfigureAwait(false);
        return new(ResponseHeader.From(response.Header), response.Perm.Select(p => new Permission(p)).ToArray());
    }

    public async Task<IReadOnlyList<string>> RoleListAsync(CancellationToken cancellationToken = default)
        => (await RoleListWithHeaderAsync(cancellationToken).ConfigureAwait(false)).Items;

    public async Task<AuthReadResponse<string>> RoleListWithHeaderAsync(CancellationToken cancellationToken = default)
    {
        var response = await _invoker.UnaryAsync(AuthMethods.RoleList, new AuthRoleListRequest(), cancellationToken).ConfigureAwait(false);
        return new(ResponseHeader.From(response.Header), response.Roles.ToArray());
    }

    public async Task<ResponseHeader> RoleDeleteAsync(string role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.RoleDelete, new AuthRoleDeleteRequest { Role = role }, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> RoleGrantPermissionAsync(string role, PermissionType type, EtcdBytes key, PermissionRange? range = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown permission type.");
        }

        var (k, end) = KeyRange.Resolve(key, range?.Prefix ?? false, range?.RangeEnd, range?.FromKey ?? false, nameof(range));
        var request = new AuthRoleGrantPermissionRequest
        {
            Name = role,
            Perm = new Protocol.Auth.Permission { PermType = (Protocol.Auth.Permission.Types.Type)type, Key = k, RangeEnd = end },
        };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.RoleGrantPermission, request, cancellationToken).ConfigureAwait(false)).Header);
    }

    public async Task<ResponseHeader> RoleRevokePermissionAsync(string role, EtcdBytes key, PermissionRange? range = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        var (k, end) = KeyRange.Resolve(key, range?.Prefix ?? false, range?.RangeEnd, range?.FromKey ?? false, nameof(range));
        var request = new AuthRoleRevokePermissionRequest { Role = role, Key = k, RangeEnd = end };
        return ResponseHeader.From((await _invoker.UnaryAsync(AuthMethods.RoleRevokePermission, request, cancellationToken).ConfigureAwait(false)).Header);
    }
}
