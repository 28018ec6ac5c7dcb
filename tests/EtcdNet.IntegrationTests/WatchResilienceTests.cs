using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Watches on a 3-member cluster losing the member that carries their stream: every revision once, in order.</summary>
public class WatchResilienceTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    private const int Puts = 5000;

    private EtcdClient WatchingClient() => new(new EtcdClientOptions
    {
        Protocol = ClientProtocol,
        // Over HTTP/1.1 no keep-alive ping notices a silent member: the health check of a quiet stream does.
        WatchCheckInterval = ClientProtocol == EtcdProtocol.JsonGateway ? TimeSpan.FromSeconds(1) : null,
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
            await WaitUntilMovedAsync(watching, member);
            await received.WaitForCountAsync(atKill + 100); // and resumed there
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
        await WaitUntilMovedAsync(watching, paused); // the keep-alive noticed the paused member
        await received.WaitForCountAsync(atPause + 100, TimeSpan.FromSeconds(30)); // and the watch resumed on the new member
        paused.Resume();

        await writer;
        await AssertEveryStoredRevisionSeenOnceInOrderAsync(writing, received);
    }

    [Fact]
    public async Task RequireLeader_EndsWithNoLeaderWhenItsOnlyMemberLostItsLeader_PlainWatchStays()
    {
        var isolated = Cluster.Members[0];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [isolated.ClientUrl] });
        await using var plain = await WatchRecorder.StartAsync(client, "rl");
        await using var leader = await WatchRecorder.StartAsync(client, "rl", new WatchOptions { RequireLeader = true });

        await Task.WhenAll(Cluster.Members.Skip(1).Select(m => m.KillAsync()));
        await Assert.ThrowsAsync<EtcdNoLeaderException>(() => leader.Completion.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(1, client.WatchInternals.PlainStream.StreamsOpened);

        await Task.WhenAll(Cluster.Members.Skip(1).Select(m => m.StartAsync()));
        var put = await client.PutAsync("rl", "back");
        Assert.Equal(put.Header.Revision, Assert.Single((await plain.NextAsync()).Events).Kv.ModRevision);
    }

    /// <summary>
    /// Waits until the watch stream runs on another member than <paramref name="lost"/>. Events already in the
    /// socket buffers still arrive after a kill or pause, so an event count alone does not show the move.
    /// </summary>
    private static Task WaitUntilMovedAsync(EtcdClient watching, EtcdMember lost) => Eventually.TrueAsync(
        () => Task.FromResult(watching.WatchInternals.PlainStream.CurrentEndpoint is { } now && now != lost.ClientUrl),
        TimeSpan.FromSeconds(30), $"the watch moves off {lost.Name}");

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

    /// <summary>
    /// Compares the watch with the store up to a marker written last. A put that timed out may still be
    /// applied afterwards (its proposal waited at a paused or replaced leader), so the comparison stops at
    /// the marker's revision, where both sides are final.
    /// </summary>
    private async Task AssertEveryStoredRevisionSeenOnceInOrderAsync(EtcdClient client, EventLog received)
    {
        var end = await PutMarkerAsync(client);
        var stored = (await client.GetAsync("x/", new GetOptions { Prefix = true, Revision = end })).Kvs.Select(kv => kv.ModRevision).Order().ToList();
        Assert.True(stored.Count >= Puts * 0.9, $"only {stored.Count} puts were stored");
        await received.WaitForRevisionAsync(end, TimeSpan.FromSeconds(60));
        var seen = received.Revisions().Where(r => r <= end).ToList();
        Output.WriteLine($"stored {stored.Count} up to revision {end}, seen {seen.Count}");
        var firstDifference = stored.Zip(seen).TakeWhile(p => p.First == p.Second).Count();
        Assert.True(stored.SequenceEqual(seen), // every revision, once, in order: no gap, no duplicate
            $"stored and seen differ at index {firstDifference}: stored {Around(stored, firstDifference)}, seen {Around(seen, firstDifference)}");
    }

    /// <summary>Writes a key of its own (retrying under a fresh name) and returns its revision.</summary>
    private static async Task<long> PutMarkerAsync(EtcdClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return (await client.PutAsync($"x/~end{attempt}", "")).Header.Revision;
            }
            catch (Exception e) when (attempt < 5 && e is EtcdException or TimeoutException)
            {
                // try again under another name, so a late apply of this one cannot be mistaken for the marker
            }
        }
    }

    private static string Around(List<long> revisions, int index)
        => $"[{string.Join(", ", revisions.Skip(Math.Max(0, index - 2)).Take(5))}] (count {revisions.Count})";

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

        public async Task WaitForRevisionAsync(long revision, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (LastRevision() < revision)
            {
                Assert.False(_pump.IsFaulted, _pump.Exception?.ToString());
                Assert.True(DateTime.UtcNow < deadline, $"revision {revision} did not arrive in time; last seen {LastRevision()}");
                await Task.Delay(20);
            }
        }

        private long LastRevision()
        {
            lock (_revisions)
            {
                return _revisions.Count == 0 ? 0 : _revisions[^1];
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
