using EtcdNet.Cli.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests;

/// <summary>A single-member etcd with a tiny space quota, filled until it raises the NOSPACE alarm.</summary>
public sealed class NoSpaceCluster : IAsyncLifetime
{
    public EtcdCluster Cluster { get; private set; } = null!;

    public string Endpoint => Cluster.ClientUrls[0];

    public async Task InitializeAsync()
    {
        Cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = 1, ExtraArguments = ["--quota-backend-bytes=100000"] });
        await using var client = new EtcdClient(Endpoint);
        var value = new string('a', 20_000);
        // The quota is checked against the database file, which grows as etcd commits (every 100 ms): write until refused.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var i = 0; DateTime.UtcNow < deadline; i++)
        {
            try
            {
                await client.PutAsync($"fill/{i}", value);
            }
            catch (EtcdNoSpaceException)
            {
                await WaitForStableDatabaseAsync(client);
                return;
            }
        }

        throw new InvalidOperationException("the quota was never reached");
    }

    /// <summary>The last accepted writes reach the database file after the alarm: wait until its size stops changing.</summary>
    private async Task WaitForStableDatabaseAsync(EtcdClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var size = -1L;
        for (var unchanged = 0; unchanged < 3 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200);
            var now = (await client.Maintenance.StatusAsync(Endpoint)).DbSize;
            unchanged = now == size ? unchanged + 1 : 0;
            size = now;
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class MaintenanceAlarmTests(NoSpaceCluster fixture) : IClassFixture<NoSpaceCluster>
{
    [Fact]
    public async Task RaisedAlarm_ListStatusAndDisarm_MatchEtcdctl()
    {
        var endpoint = fixture.Endpoint;
        foreach (var format in new[] { "simple", "json" })
        {
            Golden.AssertSame(await EtcdctlRun.RunAsync(endpoint, ["-w", format, "alarm", "list"]), await CliRun.RunAsync(endpoint, "-w", format, "alarm", "list"));
        }

        var list = await CliRun.RunAsync(endpoint, "alarm", "list");
        Assert.Matches("^memberID:[0-9]+ alarm:NOSPACE \n$", list.Stdout);

        // The alarm shows in the status errors; in the table the long cell wraps as tablewriter wraps it.
        foreach (var format in new[] { "simple", "json", "table" })
        {
            Golden.AssertSame(await EtcdctlRun.RunAsync(endpoint, ["-w", format, "endpoint", "status"]), await CliRun.RunAsync(endpoint, "-w", format, "endpoint", "status"));
        }

        var disarmed = await CliRun.RunAsync(endpoint, "alarm", "disarm");
        Assert.True(disarmed.ExitCode == 0, disarmed.ToString());
        Assert.Equal(list.Stdout, disarmed.Stdout);
        Assert.Equal(string.Empty, (await EtcdctlRun.RunAsync(endpoint, ["alarm", "list"])).Stdout);
    }
}
