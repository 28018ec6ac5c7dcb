namespace EtcdNet.UnitTests;

/// <summary>The client's view of its endpoint pool: <see cref="EtcdClient.Endpoints"/>, <see cref="EtcdClient.SetEndpoints"/> and the auto-sync option.</summary>
public class EndpointPoolClientTests
{
    [Fact]
    public async Task Endpoints_starts_with_the_configured_ones_and_follows_SetEndpoints()
    {
        await using var client = new EtcdClient("http://127.0.0.1:2379", "127.0.0.1:22379");
        Assert.Equal(["http://127.0.0.1:2379", "127.0.0.1:22379"], client.Endpoints);

        client.SetEndpoints("http://10.0.0.1:2379", "https://10.0.0.2:2379", "http://127.0.0.1:22379");

        Assert.Equal(["http://10.0.0.1:2379", "https://10.0.0.2:2379", "127.0.0.1:22379"], client.Endpoints); // a kept endpoint keeps its spelling
        Assert.Equal(["http://127.0.0.1:2379", "127.0.0.1:22379"], client.Options.Endpoints);
    }

    [Fact]
    public async Task SetEndpoints_validates_like_the_constructor()
    {
        await using var client = new EtcdClient("http://127.0.0.1:2379");
        Assert.Throws<ArgumentNullException>(() => client.SetEndpoints(null!));
        Assert.Equal("endpoints", Assert.Throws<ArgumentException>(() => client.SetEndpoints()).ParamName);
        Assert.Throws<ArgumentException>(() => client.SetEndpoints("ftp://host:1"));
        Assert.Throws<ArgumentException>(() => client.SetEndpoints("http://host:1/path"));
        Assert.Throws<ArgumentException>(() => client.SetEndpoints(Enumerable.Range(0, 65).Select(i => $"http://h{i}:2379").ToArray()));
        Assert.Throws<ArgumentException>(() => client.SetEndpoints("http://a:1", " "));
        Assert.Equal(["http://127.0.0.1:2379"], client.Endpoints); // nothing changed
    }

    [Fact]
    public async Task SetEndpoints_after_dispose_throws()
    {
        var client = new EtcdClient("http://127.0.0.1:2379");
        await client.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => client.SetEndpoints("http://127.0.0.1:2380"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AutoSyncInterval_must_be_positive(int milliseconds)
    {
        var options = new EtcdClientOptions { AutoSyncInterval = TimeSpan.FromMilliseconds(milliseconds) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EtcdClient(options));
        Assert.Equal(nameof(EtcdClientOptions.AutoSyncInterval), e.ParamName);
    }

    [Fact]
    public void AutoSyncInterval_must_fit_a_timer()
    {
        var options = new EtcdClientOptions { AutoSyncInterval = TimeSpan.FromDays(60) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new EtcdClient(options));
    }

    [Fact]
    public async Task AutoSyncInterval_is_off_by_default()
    {
        Assert.Null(new EtcdClientOptions().AutoSyncInterval);
        await using var client = new EtcdClient("http://127.0.0.1:2379");
        client.StartAutoSync();
        Assert.Null(client.AutoSync);
    }

    [Fact]
    public async Task The_auto_sync_loop_stops_on_StopAutoSyncAsync_and_keeps_the_endpoints_when_the_cluster_is_unreachable()
    {
        var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = ["http://127.0.0.1:1"],
            AutoSyncInterval = TimeSpan.FromMilliseconds(20),
            DialTimeout = TimeSpan.FromMilliseconds(200),
            RequestTimeout = TimeSpan.FromSeconds(1),
        });
        client.StartAutoSync();
        client.StartAutoSync(); // idempotent
        var sync = client.AutoSync;
        Assert.NotNull(sync);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sync.LastFailure is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.IsAssignableFrom<EtcdException>(sync.LastFailure);
        Assert.Equal(["http://127.0.0.1:1"], client.Endpoints);
        await client.StopAutoSyncAsync();
        Assert.True(sync.IsStopped);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task The_auto_sync_loop_ends_by_itself_once_the_client_is_disposed()
    {
        var client = new EtcdClient(new EtcdClientOptions { Endpoints = ["http://127.0.0.1:1"], AutoSyncInterval = TimeSpan.FromMilliseconds(20) });
        client.StartAutoSync();
        var sync = client.AutoSync!;
        await client.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!sync.IsStopped && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(sync.IsStopped);
        client.StartAutoSync(); // no restart after disposal
        Assert.Same(sync, client.AutoSync);
    }
}
