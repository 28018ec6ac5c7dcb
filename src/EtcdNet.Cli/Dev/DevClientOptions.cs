namespace EtcdNet.Cli.Dev;

/// <summary>Client options for a dev cluster, from what is known about it.</summary>
internal static class DevClientOptions
{
    public static EtcdClientOptions For(IReadOnlyList<string> endpoints, DevTlsFiles? tls, string? user, string? password) => new()
    {
        Endpoints = [.. endpoints],
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
        Tls = tls is null ? null : EtcdTlsOptions.FromPemFiles(tls.CaCert, tls.Cert, tls.Key),
        Username = user,
        Password = password,
    };

    public static EtcdClientOptions For(DevState state) => For(state.Endpoints, state.Tls, state.User, state.Password);
}
