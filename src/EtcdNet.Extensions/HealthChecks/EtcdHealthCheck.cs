using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EtcdNet.Extensions;

/// <summary>
/// Checks an etcd cluster through a client: every endpoint of the client is asked for its Status and
/// the cluster for its alarms, each call bounded by <see cref="EtcdHealthCheckOptions.Timeout"/>.
/// Healthy when every endpoint answers with a leader and no errors and no alarm is raised; Degraded
/// when only some do; Unhealthy (the registration's failure status) when none does or when a NOSPACE or
/// CORRUPT alarm is raised. The result's data holds one entry per endpoint and one for the alarms.
/// </summary>
/// <param name="client">The client whose endpoints are checked.</param>
/// <param name="options">The check's settings; null for defaults.</param>
public sealed class EtcdHealthCheck(IEtcdClient client, EtcdHealthCheckOptions? options = null) : IHealthCheck
{
    private readonly IEtcdClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly TimeSpan _timeout = (options ?? new EtcdHealthCheckOptions()).Timeout;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoints = _client.Endpoints;
        var probes = await Task.WhenAll(endpoints.Select(e => EtcdEndpointProbe.RunAsync(_client.Maintenance, e, _timeout, cancellationToken))).ConfigureAwait(false);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            data[probe.Endpoint] = probe.Describe();
        }

        var healthy = probes.Count(p => p.Healthy);
        if (!probes.Any(p => p.Answered))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No etcd endpoint answered ({endpoints.Count} tried).", data: data);
        }

        var alarms = await EtcdAlarmProbe.RunAsync(_client.Maintenance, _timeout, cancellationToken).ConfigureAwait(false);
        data["alarms"] = alarms.Describe();
        if (alarms.Raised is { Count: > 0 })
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"etcd alarm raised: {alarms.Describe()}.", data: data);
        }

        if (healthy == 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"No etcd endpoint is healthy ({endpoints.Count} tried).", data: data);
        }

        if (healthy < probes.Length || alarms.Raised is null)
        {
            return HealthCheckResult.Degraded($"{healthy} of {probes.Length} etcd endpoints are healthy{(alarms.Raised is null ? "; the alarms could not be read" : string.Empty)}.", data: data);
        }

        return HealthCheckResult.Healthy($"All {probes.Length} etcd endpoints are healthy; no alarm.", data);
    }
}
