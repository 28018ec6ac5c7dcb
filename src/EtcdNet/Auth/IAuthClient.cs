namespace EtcdNet;

/// <summary>
/// etcd's authentication API: enable and disable auth, and manage users, roles and permissions.
/// Calls that only change state return the response header. To call etcd as a user, set
/// <see cref="EtcdClientOptions.Username"/> and <see cref="EtcdClientOptions.Password"/>.
/// </summary>
public interface IAuthClient
{
    /// <summary>Enables authentication (requires a user <c>root</c> with the role <c>root</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> AuthEnableAsync(CancellationToken cancellationToken = default);

    /// <summary>Disables authentication.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> AuthDisableAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether authentication is enabled (etcd 3.5 and later; etcd 3.4 answers with <see cref="EtcdProtocolException"/>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AuthStatusResponse> AuthStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks a user name and password and returns a token. The client does this itself when its options carry credentials.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EtcdAuthFailedException">The name or password is wrong.</exception>
    Task<string> AuthenticateAsync(string name, string password, CancellationToken cancellationToken = default);

    /// <summary>Adds a user; a null <paramref name="password"/> adds a user that cannot log in with a password (certificate authentication only).</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> UserAddAsync(string name, string? password, CancellationToken cancellationToken = default);

    /// <summary>Returns the roles granted to a user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> UserGetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists every user.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> UserListAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the roles granted to a user, with the response header.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AuthReadResponse<string>> UserGetWithHeaderAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists every user, with the response header.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AuthReadResponse<string>> UserListWithHeaderAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a user.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> UserDeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Changes a user's password.</summary>
    /// <param name="name">The user name.</param>
    /// <param name="password">The new password.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> UserChangePasswordAsync(string name, string password, CancellationToken cancellationToken = default);

    /// <summary>Grants a role to a user.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> UserGrantRoleAsync(string user, string role, CancellationToken cancellationToken = default);

    /// <summary>Revokes a role from a user.</summary>
    /// <param name="user">The user name.</param>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> UserRevokeRoleAsync(string user, string role, CancellationToken cancellationToken = default);

    /// <summary>Adds a role.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> RoleAddAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Returns a role's permissions.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Permission>> RoleGetAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Lists every role.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<string>> RoleListAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns a role's permissions, with the response header.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AuthReadResponse<Permission>> RoleGetWithHeaderAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Lists every role, with the response header.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<AuthReadResponse<string>> RoleListWithHeaderAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes a role.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> RoleDeleteAsync(string role, CancellationToken cancellationToken = default);

    /// <summary>Grants a role a permission over a key, or over a range or prefix with <paramref name="range"/>.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="type">What the permission allows.</param>
    /// <param name="key">The key, or the first key of the range.</param>
    /// <param name="range">Prefix, range end or from-key; null for the single key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> RoleGrantPermissionAsync(string role, PermissionType type, EtcdBytes key, PermissionRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes a role's permission over a key, or over a range or prefix with <paramref name="range"/>.</summary>
    /// <param name="role">The role name.</param>
    /// <param name="key">The key, or the first key of the range.</param>
    /// <param name="range">Prefix, range end or from-key; null for the single key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ResponseHeader> RoleRevokePermissionAsync(string role, EtcdBytes key, PermissionRange? range = null, CancellationToken cancellationToken = default);
}
