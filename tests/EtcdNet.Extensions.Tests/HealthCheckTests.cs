using System.Diagnostics;
using EtcdNet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EtcdNet.Extensions.Tests;

/// <summary>The health check follows members going down and coming back.</summary>
public sealed class HealthCheckTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;
    private ServiceProvider _provider = null!;
    private HealthCheckService _health = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(3);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEtcdClient(s =>
        {
            foreach (var url in _cluster.ClientUrls)
            {
                s.Endpoints.Add(url);
            }
        });
        services.AddHealthChecks().AddEtcd();
        _provider = services.BuildServiceProvider();
        _health = _provider.GetRequiredService<HealthCheckService>();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Healthy_DegradedWithOneMemberDown_UnhealthyWithinFiveSecondsOfAllDown_HealthyAfterRestart()
    {
        var entry = await CheckAsync();
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(3, entry.Data.Keys.Count(k => k.StartsWith("http://", StringComparison.Ordinal)));
        Assert.Equal("none", entry.Data["alarms"]);

        await _cluster.Members[0].StopAsync();
        entry = await CheckAsync();
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.DoesNotContain("ok", (string)entry.Data[_cluster.ClientUrls[0]], StringComparison.Ordinal);
        Assert.StartsWith("ok", (string)entry.Data[_cluster.ClientUrls[1]], StringComparison.Ordinal);

        await Task.WhenAll(_cluster.Members.Skip(1).Select(m => m.StopAsync()));
        var down = Stopwatch.StartNew();
        entry = await CheckAsync();
        output.WriteLine($"all members stopped -> {entry.Status} after {down.ElapsedMilliseconds} ms");
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.True(down.Elapsed < TimeSpan.FromSeconds(5), $"took {down.ElapsedMilliseconds} ms");

        await Task.WhenAll(_cluster.Members.Select(m => m.StartAsync()));
        var up = Stopwatch.StartNew();
        while ((entry = await CheckAsync()).Status != HealthStatus.Healthy)
        {
            Assert.True(up.Elapsed < TimeSpan.FromSeconds(30), $"still {entry.Status}: {entry.Description}");
            await Task.Delay(100);
        }

        output.WriteLine($"all members started -> Healthy after {up.ElapsedMilliseconds} ms");

        // Members that accept connections but never answer: each call is cut off by the check's 2 s timeout.
        foreach (var member in _cluster.Members)
        {
            member.Pause();
        }

        try
        {
            var hung = Stopwatch.StartNew();
            entry = await CheckAsync();
            output.WriteLine($"all members paused -> {entry.Status} after {hung.ElapsedMilliseconds} ms");
            Assert.Equal(HealthStatus.Unhealthy, entry.Status);
            Assert.Contains("no answer within 2 s", (string)entry.Data[_cluster.ClientUrls[0]], StringComparison.Ordinal);
        }
        finally
        {
            foreach (var member in _cluster.Members)
            {
                member.Resume();
            }
        }
    }

    private async Task<HealthReportEntry> CheckAsync()
    {
        var timer = Stopwatch.StartNew();
        var report = await _health.CheckHealthAsync();
        var entry = report.Entries["etcd"];
        output.WriteLine($"{timer.ElapsedMilliseconds,5} ms {entry.Status}: {entry.Description}");
        foreach (var (key, value) in entry.Data)
        {
            output.WriteLine($"        {key}: {value}");
        }

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(5), $"the check took {timer.ElapsedMilliseconds} ms");
        return entry;
    }
}
