using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests;

/// <summary>The client's logs on an auth-enabled 3-member cluster losing the member that serves a watch.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class DiagnosticsLoggingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RootPassword = "root-pw-logs-4d7a";
    private const string SecretValue = "value-never-logged-81c3";
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(3);
        await using var admin = new EtcdClient(_cluster.ClientUrls.ToArray());
        await admin.Auth.RoleAddAsync("root");
        await admin.Auth.UserAddAsync("root", RootPassword);
        await admin.Auth.UserGrantRoleAsync("root", "root");
        await admin.Auth.AuthEnableAsync();
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task WatchResumedAndEndpointSetAside_AreLoggedWithTheirEventIds_AndThePasswordNever()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        await using var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = _cluster.ClientUrls,
            Username = "root",
            Password = RootPassword,
            LoggerFactory = factory,
            KeepAliveTime = TimeSpan.FromSeconds(5),
            KeepAliveTimeout = TimeSpan.FromSeconds(1),
        });
        Assert.DoesNotContain(RootPassword, client.Options.ToString(), StringComparison.Ordinal);
        Assert.Contains("LoggerFactory = set", client.Options.ToString(), StringComparison.Ordinal);
        await using var watch = await WatchRecorder.StartAsync(client, "logs/", new WatchOptions { Prefix = true });
        var served = _cluster.Members.Single(m => m.ClientUrl == client.WatchInternals.PlainStream.CurrentEndpoint);

        await served.KillAsync();
        await _cluster.WaitForLeaderAsync();
        var put = await client.PutAsync("logs/after-kill", SecretValue);
        Assert.Equal(put.Header.Revision, Assert.Single(await watch.EventsAsync(1, TimeSpan.FromSeconds(30))).Kv.ModRevision);
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync("logs/after-kill"); // round robin reaches the dead member unless it is already set aside
        }

        var logs = capture.Logs.ToList();
        foreach (var log in logs)
        {
            output.WriteLine($"{log.Level} {log.EventId.Id} {log.EventId.Name} [{log.Category}] {log.Message}");
        }

        var resumed = logs.Where(l => l.EventId.Id == 2002).ToList();
        Assert.NotEmpty(resumed);
        Assert.All(resumed, l =>
        {
            Assert.Equal("WatchResumed", l.EventId.Name);
            Assert.Equal("EtcdNet.Watch", l.Category);
            Assert.True((long)l.Value("ResumeRevision")! > 0);
        });

        // The first resume is on a live member. Later ones may try any member (the dead one too, once its time set
        // aside is over, when a loaded machine makes the others fail their health checks during the election).
        Assert.NotEqual(served.ClientUrl, resumed[0].Value("Endpoint"));

        var setAside = logs.Where(l => l.EventId.Id == 1002).ToList();
        Assert.NotEmpty(setAside);
        Assert.All(setAside, l => Assert.Equal("EndpointSetAside", l.EventId.Name));
        Assert.Contains(setAside, l => (string?)l.Value("Endpoint") == served.ClientUrl && l.Level == LogLevel.Warning);

        Assert.Contains(logs, l => l.EventId.Id == 4001 && (string?)l.Value("User") == "root");
        Assert.Contains(logs, l => l.EventId.Id == 1001);
        Assert.Contains(logs, l => l.EventId.Id == 2001);
        Assert.All(logs, l =>
        {
            Assert.DoesNotContain(RootPassword, l.AllText(), StringComparison.Ordinal);
            Assert.DoesNotContain(SecretValue, l.AllText(), StringComparison.Ordinal);
        });
    }
}
