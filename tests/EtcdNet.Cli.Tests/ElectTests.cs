using EtcdNet.Cli.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class ElectTests(CliCluster cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EtcdnetObserver_SeesTheLeaderEtcdctlElects()
    {
        var name = "cli/elect/" + Guid.NewGuid().ToString("N");
        await using var observer = LockBackgroundCli.Start(cluster.Endpoint, "elect", "-l", name);
        await using var leader = EtcdctlProcess.Start(cluster.Endpoint, "elect", name, "by-etcdctl");
        var key = await leader.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", key, StringComparison.Ordinal);
        Assert.Equal("by-etcdctl", await leader.NextLineAsync(Wait));

        Assert.Equal(key, await observer.NextLineAsync(Wait));
        Assert.Equal("by-etcdctl", await observer.NextLineAsync(Wait));
        Assert.Equal(0, await observer.InterruptAsync());
    }

    [Fact]
    public async Task EtcdctlObserver_SeesTheLeaderEtcdnetElects_AndTheNextAfterItResigns()
    {
        var name = "cli/elect/" + Guid.NewGuid().ToString("N");
        await using var leader = LockBackgroundCli.Start(cluster.Endpoint, "elect", name, "by-etcdnet");
        var key = await leader.NextLineAsync(Wait);
        Assert.StartsWith(name + "/", key, StringComparison.Ordinal);
        Assert.Equal("by-etcdnet", await leader.NextLineAsync(Wait));

        await using var observer = EtcdctlProcess.Start(cluster.Endpoint, "elect", "-l", name);
        Assert.Equal(key, await observer.NextLineAsync(Wait));
        Assert.Equal("by-etcdnet", await observer.NextLineAsync(Wait));

        // A second candidate waits; when ours resigns, it leads and the observer reports it.
        await using var next = LockBackgroundCli.Start(cluster.Endpoint, "elect", name, "next");
        await CandidatesAsync(name, 2); // it campaigns: its key is in the queue
        Assert.Null(await next.NextLineAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(0, await leader.InterruptAsync());
        var nextKey = await next.NextLineAsync(Wait);
        Assert.NotEqual(key, nextKey);
        Assert.Equal(nextKey, await observer.NextLineAsync(Wait));
        Assert.Equal("next", await observer.NextLineAsync(Wait));
    }

    [Fact]
    public async Task Misuse_MatchesEtcdctl()
    {
        foreach (var args in new[] { new[] { "elect" }, ["elect", "x"], ["elect", "-l", "x", "v"] })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
            var actual = await CliRun.RunAsync(cluster.Endpoint, args);
            Golden.AssertSame(expected, actual);
            Assert.Equal(expected.Stderr, actual.Stderr);
        }
    }

    private async Task CandidatesAsync(string name, int count)
    {
        await using var client = new EtcdClient(cluster.Endpoint);
        using var timeout = new CancellationTokenSource(Wait);
        while ((await client.GetAsync(name + "/", new GetOptions { Prefix = true, CountOnly = true }, timeout.Token)).Count != count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
