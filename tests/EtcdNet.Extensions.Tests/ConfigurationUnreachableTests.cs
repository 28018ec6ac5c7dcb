using System.Diagnostics;
using EtcdNet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace EtcdNet.Extensions.Tests;

/// <summary>An etcd that is down when the configuration is built: optional sources wait for it, required ones fail promptly.</summary>
public sealed class ConfigurationUnreachableTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(1);
        await using (var client = new EtcdClient(_cluster.ClientUrls.ToArray()))
        {
            await client.PutAsync("/late/Feature/Color", "green");
        }

        await _cluster.Members[0].StopAsync();
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Optional_BuildsWithoutEtcd_ThenLoadsAndFollowsItOnceTheClusterStarts()
    {
        var elapsed = Stopwatch.StartNew();
        using var root = (ConfigurationRoot)new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Feature:Size"] = "large", ["Feature:Color"] = "default" })
            .AddEtcd(s =>
            {
                s.Endpoints = _cluster.ClientUrls;
                s.Prefix = "/late/";
                s.Optional = true;
                s.ReloadOnChange = true;
                s.LoadTimeout = TimeSpan.FromSeconds(2);
                s.MaxRetryDelay = TimeSpan.FromSeconds(1);
            })
            .Build();
        output.WriteLine($"Build() with etcd down: {elapsed.ElapsedMilliseconds} ms");
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(5), $"Build() took {elapsed.ElapsedMilliseconds} ms");
        Assert.Equal("large", root["Feature:Size"]);
        Assert.Equal("default", root["Feature:Color"]);

        var loaded = WaitForValue(root, "Feature:Color", "green");
        elapsed.Restart();
        await _cluster.Members[0].StartAsync();
        var started = elapsed.Elapsed;
        await loaded.WaitAsync(TimeSpan.FromSeconds(15));
        output.WriteLine($"member start: {started.TotalMilliseconds:0} ms; settings loaded {(elapsed.Elapsed - started).TotalMilliseconds:0} ms after it was ready");
        Assert.Equal("large", root["Feature:Size"]);

        // Once loaded, it follows changes.
        var changed = WaitForValue(root, "Feature:Color", "purple");
        await using var client = new EtcdClient(_cluster.ClientUrls.ToArray());
        await client.PutAsync("/late/Feature/Color", "purple");
        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Required_FailsTheBuildWithinTheLoadTimeout()
    {
        var elapsed = Stopwatch.StartNew();
        var error = Assert.Throws<EtcdConfigurationException>(() => new ConfigurationBuilder()
            .AddEtcd(s => { s.Endpoints = _cluster.ClientUrls; s.Prefix = "/late/"; s.LoadTimeout = TimeSpan.FromSeconds(1); })
            .Build());
        output.WriteLine($"{elapsed.ElapsedMilliseconds} ms: {error.Message}");
        Assert.Contains("/late/", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(3), $"Build() took {elapsed.ElapsedMilliseconds} ms");
    }

    /// <summary>Completes on the first reload after which <paramref name="key"/> has <paramref name="value"/>.</summary>
    private static Task WaitForValue(IConfigurationRoot root, string key, string value)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? registration = null;
        registration = ChangeToken.OnChange(root.GetReloadToken, () =>
        {
            if (root[key] == value)
            {
                done.TrySetResult();
            }
        });
        _ = done.Task.ContinueWith(_ => registration.Dispose(), TaskScheduler.Default);
        return done.Task;
    }
}
