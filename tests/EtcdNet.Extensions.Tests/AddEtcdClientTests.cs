using EtcdNet.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EtcdNet.Extensions.Tests;

/// <summary>AddEtcdClient: binding, singleton and named clients, validation when the host starts.</summary>
public sealed class AddEtcdClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BoundSection_GivesASharedClient_ThatWorks_AndIsDisposedWithTheContainer()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        var configuration = Configuration(new()
        {
            ["Etcd:Endpoints:0"] = cluster.ClientUrls[0],
            ["Etcd:DialTimeout"] = "00:00:03",
            ["Etcd:RequestTimeout"] = "00:00:07",
            ["Etcd:Namespace"] = "/ns/",
            ["Etcd:Retry:MaxAttempts"] = "4",
            ["Etcd:Retry:StreamBackoff:Delay"] = "00:00:00.2",
            ["Etcd:Retry:StreamBackoff:MaxDelay"] = "00:00:03",
            ["Other:Endpoints:0"] = cluster.ClientUrls[0],
            ["Other:Namespace"] = "/other/",
        });
        var services = new ServiceCollection();
        services.AddEtcdClient(configuration.GetSection("Etcd"));
        services.AddEtcdClient("other", configuration.GetSection("Other"));
        EtcdClient client;
        await using (var provider = services.BuildServiceProvider())
        {
            client = provider.GetRequiredService<EtcdClient>();
            Assert.Same(client, provider.GetRequiredService<EtcdClient>());
            Assert.Same(client, provider.GetRequiredService<IEtcdClientFactory>().Get(""));
            Assert.Equal([cluster.ClientUrls[0]], client.Options.Endpoints);
            Assert.Equal(TimeSpan.FromSeconds(3), client.Options.DialTimeout);
            Assert.Equal(TimeSpan.FromSeconds(7), client.Options.RequestTimeout);
            Assert.Equal(4, client.Options.MaxAttempts);
            Assert.Equal(new EtcdBackoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3)), client.Options.Retry.StreamBackoff);
            Assert.Equal(EtcdRetryOptions.Default.CallBackoff, client.Options.Retry.CallBackoff);

            var other = provider.GetRequiredService<IEtcdClientFactory>().Get("other");
            Assert.NotSame(client, other);
            await client.PutAsync("k", "from default");
            await other.PutAsync("k", "from other");
            Assert.Equal("from default", (await client.GetAsync("k")).Kvs.Single().ValueString);
            Assert.Equal("from other", (await other.GetAsync("k")).Kvs.Single().ValueString);
            Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEtcdClientFactory>().Get("missing"));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync("k"));
    }

    [Fact]
    public async Task HostLogging_ReachesTheClient_WithStableEventIds()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        var configuration = Configuration(new() { ["Etcd:Endpoints:0"] = cluster.ClientUrls[0] });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddEtcdClient(configuration.GetSection("Etcd"));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<EtcdClient>().PutAsync("logged", "v");
        Assert.Contains(logs.EventIds, id => id == 1001); // first successful call to an endpoint
    }

    [Theory]
    [InlineData("no endpoints", null, null, "Etcd:Endpoints: at least one endpoint is required")]
    [InlineData("bad URL", "ftp://127.0.0.1:2379", null, "Etcd:Endpoints:0: 'ftp://127.0.0.1:2379' is not a valid etcd endpoint")]
    [InlineData("URL with a path", "http://127.0.0.1:2379/v3", null, "Etcd:Endpoints:0")]
    [InlineData("negative timeout", "http://127.0.0.1:2379", "-00:00:01", "Etcd:DialTimeout: must be positive")]
    [InlineData("zero timeout", "http://127.0.0.1:2379", "00:00:00", "Etcd:DialTimeout: must be positive")]
    public async Task InvalidSection_FailsTheHostStart_NamingTheSetting(string scenario, string? endpoint, string? dialTimeout, string expected)
    {
        var values = new Dictionary<string, string?>();
        if (endpoint is not null)
        {
            values["Etcd:Endpoints:0"] = endpoint;
        }

        if (dialTimeout is not null)
        {
            values["Etcd:DialTimeout"] = dialTimeout;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddEtcdClient(builder.Configuration.GetSection("Etcd"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        output.WriteLine($"{scenario}: {error.Message}");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(typeof(EtcdClientSettings), error.OptionsType);
    }

    [Fact]
    public void TlsSettings_AMissingFileAndABadServerName_AreBothReported()
    {
        var services = new ServiceCollection();
        var missing = Path.Combine(Path.GetTempPath(), "etcdnet-missing-" + Guid.NewGuid().ToString("N") + ".pem");
        services.AddEtcdClient(Configuration(new()
        {
            ["Etcd:Endpoints:0"] = "https://127.0.0.1:2379",
            ["Etcd:Tls:CaFile"] = missing,
            ["Etcd:Tls:ServerName"] = "not a host",
        }).GetSection("Etcd"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Etcd:Tls:CaFile: the file '{missing}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Etcd:Tls:ServerName: 'not a host' is not a host name or IP address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSettings_AllReported_NamedClientPath()
    {
        var services = new ServiceCollection();
        services.AddEtcdClient("orders", Configuration(new()
        {
            ["Clients:Orders:RequestTimeout"] = "-00:00:05",
            ["Clients:Orders:KeepAliveTime"] = "00:00:01",
            ["Clients:Orders:Username"] = "root",
        }).GetSection("Clients:Orders"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        output.WriteLine(error.Message);
        Assert.Contains("Clients:Orders:Endpoints: at least one endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Clients:Orders:RequestTimeout: must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Clients:Orders:KeepAliveTime: must be at least 5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Clients:Orders:Password: set both Username and Password, or neither", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEtcdClientFactory>().Get("orders"));
    }

    [Fact]
    public void CodeSettings_AndTheNoLimitRequestTimeout_AreAccepted()
    {
        var services = new ServiceCollection();
        services.AddEtcdClient(s =>
        {
            s.Endpoints.Add("127.0.0.1:2379");
            s.RequestTimeout = Timeout.InfiniteTimeSpan;
            s.AutoSyncInterval = TimeSpan.FromMinutes(1);
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var client = provider.GetRequiredService<EtcdClient>();
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), client.Options.AutoSyncInterval);
    }

    [Theory]
    [InlineData(null, 1000)]
    [InlineData("00:00:02", 2000)]
    [InlineData("00:00:00", -1)]
    public void WatchCheckInterval_FromConfiguration_DefaultsToOneSecond_AndZeroTurnsItOff(string? value, int expectedMilliseconds)
    {
        var services = new ServiceCollection();
        services.AddEtcdClient(Configuration(new() { ["Etcd:Endpoints:0"] = "127.0.0.1:2379", ["Etcd:WatchCheckInterval"] = value }).GetSection("Etcd"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EtcdClient>();
        Assert.Equal(expectedMilliseconds < 0 ? null : TimeSpan.FromMilliseconds(expectedMilliseconds), client.Options.WatchCheckInterval);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
