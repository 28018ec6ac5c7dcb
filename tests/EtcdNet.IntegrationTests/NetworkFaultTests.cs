using System.Diagnostics;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// The client against a 3-member cluster behind fault proxies: a member cut off from its peers, and a member whose
/// connections swallow bytes. Each test would fail on a client that keeps going back to such a member, or keeps a
/// watch on it until the connection's keep-alive gives up.
/// </summary>
public sealed class NetworkFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan MaxWatchLateness = TimeSpan.FromSeconds(5);
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = 3, FaultProxies = true });

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task APartition_LeavesTheIsolatedMemberWithoutALeader_AndTheOthersWithOne()
    {
        var leader = await _cluster.GetLeaderAsync();
        var follower = _cluster.Members.First(m => m != leader);
        _cluster.Partition(follower);
        await using var isolated = new EtcdClient(new EtcdClientOptions { Endpoints = [follower.ClientUrl] });
        await Eventually.TrueAsync(async () => (await isolated.Maintenance.StatusAsync(follower.ClientUrl)).Leader == 0, because: "the isolated member still knows a leader");
        await using var majority = new EtcdClient(new EtcdClientOptions { Endpoints = [leader.ClientUrl] });
        await majority.PutAsync("after-partition", "v");

        _cluster.HealPartition();
        await Eventually.TrueAsync(async () => (await isolated.Maintenance.StatusAsync(follower.ClientUrl)).Leader != 0, because: "the member did not find the leader after the partition healed");
        Assert.Equal("v", (await isolated.GetAsync("after-partition")).Kvs.Single().ValueString);
    }

    [Fact]
    public async Task ALeaderlessMember_CostsOneTimedOutCall_NotOneAfterEveryBackoff()
    {
        var leader = await _cluster.GetLeaderAsync();
        var follower = _cluster.Members.First(m => m != leader);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [.. _cluster.ClientUrls], RequestTimeout = TimeSpan.FromSeconds(2) });
        await Eventually.TrueAsync(async () => await TryPutAsync(client), TimeSpan.FromSeconds(30), "a fresh cluster takes writes");
        _cluster.Partition(follower);

        // Sequential puts round robin over the three members for 10 s: the first one sent to the isolated member
        // times out and sets it aside; it must stay out while it has no leader (backoffs of 0.5, 1, 2, 4 and 8 s
        // would each let it back in for another timed-out call if a Status answer were enough).
        var timedOut = 0;
        var succeeded = 0;
        var refused = 0; // etcd's own transient errors (an election on a busy machine), not the client waiting
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                await client.PutAsync("k", clock.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                succeeded++;
            }
            catch (EtcdTimeoutException)
            {
                timedOut++;
            }
            catch (EtcdException e) when (e.IsTransient)
            {
                refused++;
            }

            await Task.Delay(20);
        }

        output.WriteLine($"{succeeded} puts succeeded, {timedOut} timed out, {refused} refused by etcd");
        Assert.True(timedOut <= 1, $"{timedOut} calls timed out on the leaderless member");
        Assert.True(succeeded > 50, $"only {succeeded} puts succeeded");
    }

    private static async Task<bool> TryPutAsync(EtcdClient client)
    {
        try
        {
            await client.PutAsync("warm", "up");
            return true;
        }
        catch (EtcdException e) when (e.IsTransient)
        {
            return false;
        }
    }

    [Fact]
    public async Task ARequireLeaderWatch_OnAMemberThatLosesItsLeader_EndsWithNoLeader()
    {
        var leader = await _cluster.GetLeaderAsync();
        var follower = _cluster.Members.First(m => m != leader);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [follower.ClientUrl] });
        await using var watch = await WatchRecorder.StartAsync(client.Watch, "rl", new WatchOptions { RequireLeader = true });
        var clock = Stopwatch.StartNew();
        _cluster.Partition(follower);

        // etcd ends require-leader streams after about three election timeouts (1 s each here) without a leader.
        var error = await Assert.ThrowsAsync<EtcdNoLeaderException>(() => watch.Completion.WaitAsync(TimeSpan.FromSeconds(20)));
        output.WriteLine($"the watch ended {clock.Elapsed.TotalSeconds:0.0} s after the partition: {error.Message}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"the watch ended only {clock.Elapsed.TotalSeconds:0.0} s after the partition");
    }

    [Fact]
    public async Task RequestProgress_OnAStreamThatIsBeingReset_FailsOnlyWithAPublicError()
    {
        var member = _cluster.Members[0];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [member.ClientUrl] });
        await using var watch = await WatchRecorder.StartAsync(client.Watch, "p");
        var failures = 0;
        var stream = client.WatchInternals.PlainStream;
        for (var i = 0; i < 300 && failures < 3; i++)
        {
            // Reset a live stream, and ask for progress before the client has noticed.
            await Eventually.TrueAsync(() => Task.FromResult(stream.CurrentEndpoint is not null), TimeSpan.FromSeconds(10), "the watch stream reconnects");
            member.ClientProxy!.ResetConnections();
            try
            {
                await client.RequestProgressAsync();
            }
            catch (Exception e)
            {
                Assert.IsAssignableFrom<EtcdException>(e); // never the transport's internal exception
                failures++;
            }
        }

        output.WriteLine($"{failures} progress requests failed while the stream was reset");
        Assert.True(failures > 0, "no progress request met a broken stream");
        var put = await client.PutAsync("p", "after");
        Assert.Contains(put.Header.Revision, (await watch.EventsAsync(1)).Select(e => e.Kv.ModRevision)); // the watch resumed
    }

    [Theory]
    [InlineData("partition")]
    [InlineData("black hole")]
    public async Task AWatch_MovesOffItsMember_WithEventsAtMostFiveSecondsLate(string fault)
    {
        // The watch goes to the first endpoint: a follower, so that cutting it off leaves the writer's majority alone.
        var leader = await _cluster.GetLeaderAsync();
        var endpoints = _cluster.Members.OrderBy(m => m == leader).Select(m => m.ClientUrl).ToArray();
        await using var watching = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints });
        var seen = new List<(long Revision, TimeSpan At)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var created = new TaskCompletionSource();
        var reader = Task.Run(async () =>
        {
            await foreach (var response in watching.WatchAsync("w/", new WatchOptions { Prefix = true, CreatedNotify = true }, stop.Token))
            {
                created.TrySetResult();
                lock (seen)
                {
                    seen.AddRange(response.Events.Select(e => (e.Kv.ModRevision, clock.Elapsed)));
                }
            }
        });
        await created.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var victim = _cluster.Members.Single(m => m.ClientUrl == watching.WatchInternals.PlainStream.CurrentEndpoint);
        var others = _cluster.Members.Where(m => m != victim).Select(m => m.ClientUrl).ToArray();
        await using var writer = new EtcdClient(new EtcdClientOptions { Endpoints = others });

        if (fault == "partition")
        {
            _cluster.Partition(victim);
        }
        else
        {
            victim.ClientProxy!.Inject(NetworkFault.BlackHole);
        }

        var acked = new List<(long Revision, TimeSpan At)>();
        for (var i = 0; i < 80; i++)
        {
            var put = await writer.PutAsync($"w/{i}", "v");
            acked.Add((put.Header.Revision, clock.Elapsed));
            await Task.Delay(100);
        }

        await Eventually.TrueAsync(() => Task.FromResult(SeenCount() >= acked.Count), TimeSpan.FromSeconds(30), "the watch did not deliver every put");
        var movedTo = watching.WatchInternals.PlainStream.CurrentEndpoint;
        await stop.CancelAsync();
        await reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _cluster.HealNetwork();

        List<(long Revision, TimeSpan At)> delivered;
        lock (seen)
        {
            delivered = [.. seen];
        }

        Assert.Equal(acked.Select(a => a.Revision), delivered.Select(d => d.Revision)); // each once, in order
        var lateness = acked.Zip(delivered, (a, d) => d.At - a.At).Max();
        output.WriteLine($"{fault}: the stream moved from {victim.Name} to {movedTo}; latest event {lateness.TotalSeconds:0.00} s after its put");
        Assert.NotEqual(victim.ClientUrl, movedTo);
        Assert.True(lateness <= MaxWatchLateness, $"an event arrived {lateness.TotalSeconds:0.00} s after its put");

        int SeenCount()
        {
            lock (seen)
            {
                return seen.Count;
            }
        }
    }
}
