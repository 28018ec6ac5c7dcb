using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Watches on a 3-member cluster losing the member that carries their stream: every revision once, in order.</summary>
public sealed class WatchResilienceTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    private const int Puts = 5000;

    private EtcdClient WatchingClient() => new(new EtcdClientOptions
    {
        Endpoints = Cluster.ClientUrls,
        KeepAliveTime = TimeSpan.FromSeconds(5),
        KeepAliveTimeout = TimeSpan.FromSeconds(1),
    });

    private EtcdMember MemberOf(EtcdClient client)
    {
        var endpoint = client.WatchInternals.PlainStream.CurrentEndpoint;
        return Cluster.Members.Single(m => m.ClientUrl == endpoint);
    }

    [Fact]
    public async Task EveryRevisionOnce_WhileTheStreamsMemberIsKilledAndRestartedThreeTimes()
    {
        await using var watching = WatchingClient();
        await using var writing = new EtcdClient(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, RequestTimeout = TimeSpan.FromSeconds(5) });
        await using var watch = await WatchRecorder.StartAsync(watching, "x/", new WatchOptions { Prefix = true });
        var received = new EventLog(watch);
        var writer = WriteAsync(writing, Puts);

        for (var round = 1; round <= 3; round++)
        {
            await received.WaitForCountAsync(round * Puts / 5);
            var member = MemberOf(watching);
            await member.KillAsync();
            var atKill = received.Count;
            await received.WaitForCountAsync(atKill + 100); // the watch moved on and resumed
            Assert.NotEqual(member.ClientUrl, watching.WatchInternals.PlainStream.CurrentEndpoint);
            await member.StartAsync();
            Output.WriteLine($"round {round}: killed {member.Name} at {atKill} events; streams opened so far {watching.WatchInternals.PlainStream.StreamsOpened}");
        }

        await writer;
        await AssertEveryStoredRevisionSeenOnceInOrderAsync(writing, received);
        Assert.True(watching.WatchInternals.PlainStream.StreamsOpened >= 4);
    }

    [Fact]
    public async Task EveryRevisionOnce_WhileTheStreamsMemberIsPausedPastTheKeepAliveTimeout()
    {
        await using var watching = WatchingClient();
        await using var watch = await WatchRecorder.StartAsync(watching, "x/", new WatchOptions { Prefix = true });
        var paused = MemberOf(watching);
        await using var writing = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = Cluster.Members.Where(m => m != paused).Select(m => m.ClientUrl).ToArray(),
            RequestTimeout = TimeSpan.FromSeconds(5),
        });
        var received = new EventLog(watch);
        var writer = WriteAsync(writing, Puts);

        await received.WaitForCountAsync(Puts / 5);
        paused.Pause();
        var atPause = received.Count;
        await received.WaitForCountAsync(atPause + 100, TimeSpan.FromSeconds(30)); // keep-alive noticed; the watch moved
        Assert.NotEqual(paused.ClientUrl, watching.WatchInternals.PlainStream.CurrentEndpoint);
        paused.Resume();

        await writer;
        await AssertEveryStoredRevisionSeenOnceInOrderAsync(writing, received);
    }

    [Fact]
    public async Task RequireLeader_MovesOffAMemberThatLostItsLeader_PlainWatchStays()
    {
        var isolated = Cluster.Members[0];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [isolated.ClientUrl] });
        await using var plain = await WatchRecorder.StartAsync(client, "rl");
        await using var leader = await WatchRecorder.StartAsync(client, "rl", new WatchOptions { RequireLeader = true });
        var requireLeaderStream = client.WatchInternals.RequireLeaderStream;

        await Task.WhenAll(Cluster.Members.Skip(1).Select(m => m.KillAsync()));
        await Eventually.TrueAsync(() => Task.FromResult(requireLeaderStream.StreamsOpened > 1), TimeSpan.FromSeconds(20),
            "the member closes require-leader streams once it has no leader");
        Assert.Equal(1, client.WatchInternals.PlainStream.StreamsOpened);

        await Task.WhenAll(Cluster.Members.Skip(1).Select(m => m.StartAsync()));
        var put = await client.PutAsync("rl", "back");
        Assert.Equal(put.Header.Revision, Assert.Single((await plain.NextAsync()).Events).Kv.ModRevision);
        Assert.Equal(put.Header.Revision, Assert.Single((await leader.NextAsync()).Events).Kv.ModRevision);
    }

    private static Task WriteAsync(EtcdClient client, int count) => Task.Run(async () =>
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    await client.PutAsync($"x/{i:D5}", "v");
                }
                catch (Exception e) when (e is EtcdException or TimeoutException)
                {
                    // outcome unknown or refused: the store says what happened
                }
            }
        })));
    });

    private async Task AssertEveryStoredRevisionSeenOnceInOrderAsync(EtcdClient client, EventLog received)
    {
        var stored = (await client.GetAsync("x/", new GetOptions { Prefix = true })).Kvs.Select(kv => kv.ModRevision).Order().ToList();
        Assert.True(stored.Count >= Puts * 0.9, $"only {stored.Count} puts were stored");
        await received.WaitForCountAsync(stored.Count, TimeSpan.FromSeconds(60));
        var seen = received.Revisions();
        Output.WriteLine($"stored {stored.Count}, seen {seen.Count}");
        Assert.Equal(stored, seen); // every revision, once, in order: no gap, no duplicate
    }

    /// <summary>Drains a watch into a list of event revisions that tests can wait on.</summary>
    private sealed class EventLog
    {
        private readonly List<long> _revisions = [];
        private readonly Task _pump;

        public EventLog(WatchRecorder watch) => _pump = Task.Run(async () =>
        {
            while (true)
            {
                var response = await watch.NextAsync(TimeSpan.FromMinutes(5));
                lock (_revisions)
                {
                    _revisions.AddRange(response.Events.Select(e => e.Kv.ModRevision));
                }
            }
        });

        public int Count
        {
            get
            {
                lock (_revisions)
                {
                    return _revisions.Count;
                }
            }
        }

        public List<long> Revisions()
        {
            lock (_revisions)
            {
                return [.. _revisions];
            }
        }

        public async Task WaitForCountAsync(int count, TimeSpan? within = null)
        {
            var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
            while (Count < count)
            {
                Assert.False(_pump.IsFaulted, _pump.Exception?.ToString());
                Assert.True(DateTime.UtcNow < deadline, $"only {Count} of {count} events arrived in time");
                await Task.Delay(20);
            }
        }
    }
}
