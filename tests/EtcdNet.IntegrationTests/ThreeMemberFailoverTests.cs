using System.Collections.Concurrent;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>A 3-member cluster losing a member while the client reads and writes.</summary>
public sealed class ThreeMemberFailoverTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    private EtcdClient CreateClient() => new(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) });

    private async Task<EtcdMember> PickVictimAsync(bool leader)
    {
        var current = await Cluster.GetLeaderAsync();
        return leader ? current : Cluster.Members.First(m => m != current);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_KeepWorkingThroughTheOthers_WhenAMemberIsKilled(bool killLeader)
    {
        await using var client = CreateClient();
        await client.PutAsync("r/key", "value");
        var victim = await PickVictimAsync(killLeader);
        var reads = 0;
        var killed = new TaskCompletionSource();
        var warmedUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reader = Task.Run(async () =>
        {
            // Read until well after the kill: every read must succeed.
            var afterKill = 0;
            while (afterKill < 200)
            {
                var resp = await client.GetAsync("r/key");
                Assert.Equal("value", Assert.Single(resp.Kvs).ValueString);
                if (++reads == 50)
                {
                    warmedUp.SetResult();
                }

                if (killed.Task.IsCompleted)
                {
                    afterKill++;
                }
            }
        });
        await Task.WhenAny(warmedUp.Task, reader); // a failing reader surfaces below
        await victim.KillAsync();
        killed.SetResult();
        await reader;

        Assert.True(reads >= 250);
    }

    [Fact]
    public async Task UniquePuts_WhileTheLeaderIsKilled_HaveNoDuplicateAndNoLostAcknowledgedWrite()
    {
        await using var client = CreateClient();
        var acknowledged = new ConcurrentDictionary<int, long>();
        var failed = new ConcurrentDictionary<int, Exception>();
        var next = -1;
        const int total = 1500;
        var victim = await PickVictimAsync(leader: true);

        async Task Writer()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                if (i == total / 3)
                {
                    await victim.KillAsync();
                }

                try
                {
                    acknowledged[i] = (await client.PutAsync($"w/{i:D5}", $"value-{i}")).Header.Revision;
                }
                catch (Exception e) when (e is EtcdException or TimeoutException)
                {
                    failed[i] = e; // outcome unknown: may or may not be applied, but never twice
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Writer)));

        var stored = (await client.GetAsync("w/", new GetOptions { Prefix = true })).Kvs.ToDictionary(kv => kv.KeyString);
        Output.WriteLine($"acknowledged {acknowledged.Count}, failed {failed.Count}: {string.Join(" | ", failed.Values.Select(e => e.GetType().Name + ": " + e.Message).Distinct().Take(5))}");
        Assert.True(acknowledged.Count >= total * 0.8, $"only {acknowledged.Count} of {total} puts succeeded");
        foreach (var (i, revision) in acknowledged)
        {
            var kv = stored[$"w/{i:D5}"];
            Assert.Equal($"value-{i}", kv.ValueString);
            Assert.Equal(revision, kv.ModRevision); // the acknowledged write is the one stored
        }

        Assert.All(stored.Values, kv => Assert.Equal(1, kv.Version)); // no put applied twice
        Assert.All(stored.Keys, k => Assert.True(acknowledged.ContainsKey(int.Parse(k[2..], System.Globalization.CultureInfo.InvariantCulture)) || failed.ContainsKey(int.Parse(k[2..], System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Serializable_ReadsFromAMemberWithoutQuorum_WhileLinearizableCannot()
    {
        var survivor = Cluster.Members[0];
        await using (var writer = CreateClient())
        {
            await writer.PutAsync("s/key", "v");
        }

        await Task.WhenAll(Cluster.Members.Skip(1).Select(m => m.StopAsync()));
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [survivor.ClientUrl], RequestTimeout = TimeSpan.FromSeconds(3) });

        var serializable = await client.GetAsync("s/key", new GetOptions { Serializable = true });
        Assert.Equal("v", Assert.Single(serializable.Kvs).ValueString);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("s/key"));
        Assert.True(error is EtcdTimeoutException or EtcdException { IsTransient: true }, error.ToString());
    }

    [Fact]
    public async Task KeepAlivePing_DetectsAPausedMember_AndTheReadMovesToAnother()
    {
        var leader = await Cluster.GetLeaderAsync();
        var paused = Cluster.Members.First(m => m != leader);
        var keepAlive = TimeSpan.FromSeconds(5);
        await using var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = [paused.ClientUrl, leader.ClientUrl],
            RequestTimeout = Timeout.InfiniteTimeSpan, // only the keep-alive can notice the dead connection
            KeepAliveTime = keepAlive,
            KeepAliveTimeout = TimeSpan.FromSeconds(1),
        });
        await client.PutAsync("ka/key", "v");
        await client.GetAsync("ka/key");
        await client.GetAsync("ka/key"); // both connections are up

        paused.Pause();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Round robin sends one of two consecutive reads to the paused member.
        for (var i = 0; i < 2; i++)
        {
            var resp = await client.GetAsync("ka/key").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("v", resp.Kvs[0].ValueString);
        }

        Assert.True(watch.Elapsed >= keepAlive, $"a read should have waited for the ping timeout; took {watch.Elapsed}");
        paused.Resume();
    }
}
