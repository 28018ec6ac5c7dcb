using EtcdNet;
using EtcdNet.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds <see cref="EtcdHealthCheck"/> to the health checks.</summary>
public static class EtcdHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of an etcd cluster (see <see cref="EtcdHealthCheck"/>) through the client registered
    /// with <c>AddEtcdClient</c>: the unnamed <see cref="EtcdClient"/> when <paramref name="clientName"/>
    /// is null, else the named client of <see cref="IEtcdClientFactory"/>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The name of the client to check; null for the <see cref="EtcdClient"/> service.</param>
    /// <param name="name">The check's name. Default: <c>etcd</c>.</param>
    /// <param name="failureStatus">The status reported when the cluster is down or an alarm is raised. Default: Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long each call of the check may take. Default: 2 s.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddEtcd(
        this IHealthChecksBuilder builder,
        string? clientName = null,
        string name = "etcd",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new EtcdHealthCheckOptions();
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t, TimeSpan.Zero, nameof(timeout));
            options = options with { Timeout = t };
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => new EtcdHealthCheck(clientName is null ? sp.GetRequiredService<EtcdClient>() : sp.GetRequiredService<IEtcdClientFactory>().Get(clientName), options),
            failureStatus,
            tags));
    }
}
