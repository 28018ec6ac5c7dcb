using System.Security.Cryptography;

namespace EtcdNet.Cli.Dev;

/// <summary>Turns on etcd auth: a root user with a random password, the root role, then auth enable.</summary>
internal static class DevAuthSetup
{
    public const string RootUser = "root";

    /// <summary>Enables auth through <paramref name="client"/>; returns the root password.</summary>
    public static async Task<string> EnableAsync(EtcdClient client, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await client.Auth.UserAddAsync(RootUser, password, cancellationToken);
        await client.Auth.RoleAddAsync(RootUser, cancellationToken);
        await client.Auth.UserGrantRoleAsync(RootUser, RootUser, cancellationToken);
        await client.Auth.AuthEnableAsync(cancellationToken);
        return password;
    }
}
