using EtcdNet.Extensions;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds etcd as a configuration source.</summary>
public static class EtcdConfigurationExtensions
{
    /// <summary>
    /// Adds the keys under a prefix in etcd as configuration (see <see cref="EtcdConfigurationSource"/>):
    /// <c>builder.AddEtcd(s =&gt; { s.Endpoints = ["http://127.0.0.1:2379"]; s.Prefix = "/app/"; s.ReloadOnChange = true; })</c>.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="configure">Sets the source's options.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddEtcd(this IConfigurationBuilder builder, Action<EtcdConfigurationSource> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var source = new EtcdConfigurationSource();
        configure(source);
        return builder.Add(source);
    }
}
