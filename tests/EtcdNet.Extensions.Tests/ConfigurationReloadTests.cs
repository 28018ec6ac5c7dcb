using System.Diagnostics;
using EtcdNet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions.Tests;

/// <summary>The configuration provider loads a prefix and follows its changes into IOptionsMonitor.</summary>
public sealed class ConfigurationReloadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;
    private EtcdClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(1);
        _client = new EtcdClient(_cluster.ClientUrls.ToArray());
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Load_MapsKeysUnderThePrefix_SlashesToColons_ValuesAsUtf8()
    {
        await _client.PutAsync("/app/Logging/LogLevel/Default", "Warning");
        await _client.PutAsync("/app/Greeting", "grüß dich");
        await _client.PutAsync("/app/", "the prefix key itself is no setting");
        await _client.PutAsync("/other/Greeting", "not under the prefix");

        using var root = (ConfigurationRoot)new ConfigurationBuilder()
            .AddEtcd(s => { s.Endpoints = _cluster.ClientUrls; s.Prefix = "/app/"; })
            .Build();

        Assert.Equal("Warning", root["Logging:LogLevel:Default"]);
        Assert.Equal("grüß dich", root["Greeting"]);
        Assert.Equal(["Greeting", "Logging"], root.GetChildren().Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_shared_namespace_view_is_read_and_watched_inside_its_prefix_and_outlives_the_provider()
    {
        await _client.PutAsync("/tenant-a/cfg/Greeting", "hello a");
        await _client.PutAsync("/tenant-b/cfg/Greeting", "hello b");
        var tenant = _client.WithNamespace("/tenant-a/");

        using (var root = (ConfigurationRoot)new ConfigurationBuilder()
            .AddEtcd(s => { s.Client = tenant; s.Prefix = "cfg/"; s.ReloadOnChange = true; })
            .Build())
        {
            Assert.Equal("hello a", root["Greeting"]);
            var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = root.GetReloadToken().RegisterChangeCallback(_ => reloaded.TrySetResult(), null);
            await tenant.PutAsync("cfg/Greeting", "hi a");
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("hi a", root["Greeting"]);
        }

        Assert.Equal("hi a", (await tenant.GetAsync("cfg/Greeting")).Kvs.Single().ValueString); // the client was not disposed with the provider
    }

    [Fact]
    public async Task ChangingAKey_UpdatesOptionsMonitor_WithinOneSecond_AndDeletingItRemovesTheSetting()
    {
        await _client.PutAsync("/svc/Feature/Color", "red");
        using var root = (ConfigurationRoot)new ConfigurationBuilder()
            .AddEtcd(s => { s.Endpoints = _cluster.ClientUrls; s.Prefix = "/svc/"; s.ReloadOnChange = true; })
            .Build();
        var services = new ServiceCollection();
        services.Configure<FeatureOptions>(root.GetSection("Feature"));
        await using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<FeatureOptions>>();
        Assert.Equal("red", monitor.CurrentValue.Color);

        var changes = new ChangeRecorder<FeatureOptions>(monitor);
        var elapsed = Stopwatch.StartNew();
        await _client.PutAsync("/svc/Feature/Color", "blue");
        var seen = await changes.WaitForAsync(o => o.Color == "blue", TimeSpan.FromSeconds(10));
        var putLatency = elapsed.Elapsed;
        output.WriteLine($"put -> IOptionsMonitor.OnChange: {putLatency.TotalMilliseconds:0.0} ms");
        Assert.Equal("blue", seen.Color);
        Assert.True(putLatency < TimeSpan.FromSeconds(1), $"the change took {putLatency.TotalMilliseconds:0} ms");

        elapsed.Restart();
        await _client.DeleteAsync("/svc/Feature/Color");
        seen = await changes.WaitForAsync(o => o.Color is null, TimeSpan.FromSeconds(10));
        var deleteLatency = elapsed.Elapsed;
        output.WriteLine($"delete -> IOptionsMonitor.OnChange: {deleteLatency.TotalMilliseconds:0.0} ms");
        Assert.Null(seen.Color);
        Assert.Null(root["Feature:Color"]);
        Assert.True(deleteLatency < TimeSpan.FromSeconds(1), $"the delete took {deleteLatency.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Reload_ReadsTheCurrentKeys()
    {
        await _client.PutAsync("/manual/A", "1");
        using var root = (ConfigurationRoot)new ConfigurationBuilder()
            .AddEtcd(s => { s.Endpoints = _cluster.ClientUrls; s.Prefix = "/manual/"; })
            .Build();
        await _client.PutAsync("/manual/A", "2");
        await _client.PutAsync("/manual/B", "3");
        Assert.Equal("1", root["A"]);

        root.Reload();

        Assert.Equal("2", root["A"]);
        Assert.Equal("3", root["B"]);
    }
}
