using EtcdNet.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EtcdNet.Extensions.Tests;

/// <summary>A raised NOSPACE alarm makes the check unhealthy although every member answers.</summary>
public sealed class HealthCheckAlarmTests(ITestOutputHelper output)
{
    private const long Quota = 16 * 1024 * 1024;

    [Fact]
    public async Task NoSpaceAlarm_IsUnhealthy_UntilDisarmed()
    {
        await using var cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { ExtraArguments = [$"--quota-backend-bytes={Quota}"] });
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        var check = new EtcdHealthCheck(client);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("etcd", check, HealthStatus.Unhealthy, null) };
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);

        var value = new byte[1024 * 1024];
        Random.Shared.NextBytes(value);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                await client.PutAsync("big", value);
            }
            catch (EtcdNoSpaceException)
            {
                break;
            }
        }

        var result = await check.CheckHealthAsync(context);
        output.WriteLine($"{result.Status}: {result.Description}; alarms: {result.Data["alarms"]}");
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("NoSpace", (string)result.Data["alarms"], StringComparison.Ordinal);

        var revision = (await client.GetAsync("big", new GetOptions { KeysOnly = true })).Header.Revision;
        await client.CompactAsync(revision, physical: true);
        await client.Maintenance.DefragmentAsync(cluster.ClientUrls[0]);
        await client.Maintenance.AlarmDisarmAllAsync();
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(context)).Status);
    }
}
