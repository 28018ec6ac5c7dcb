using System.Diagnostics;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Membership changes on a real 3-member cluster: a fourth member added as learner, started, promoted and removed.</summary>
public sealed class ClusterMembershipTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    private static readonly TimeSpan SyncInterval = TimeSpan.FromMilliseconds(500);

    private EtcdClient CreateClient() => new(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) });

    private static async Task<Member?> FindAsync(EtcdClient client, ulong id)
        => (await client.Cluster.MemberListAsync()).Members.SingleOrDefault(m => m.Id == id);

    /// <summary>
    /// etcd refuses membership changes until every member has been connected for 5 s
    /// ("unhealthy cluster"), so right after the start the test waits, bounded.
    /// </summary>
    private static async Task<T> WhenHealthyAsync<T>(Func<Task<T>> change)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                return await change();
            }
            catch (EtcdUnhealthyClusterException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    [Fact]
    public async Task Learner_IsAdded_Started_Promoted_AndRemoved_AndAutoSyncFollows()
    {
        await using var client = CreateClient();
        await using var syncing = new EtcdClient(new EtcdClientOptions { Endpoints = [Cluster.Members[0].ClientUrl], AutoSyncInterval = SyncInterval });
        syncing.StartAutoSync(); // no-op once EtcdClient's constructor starts it
        await using var extra = ClusterExtraMember.Prepare("m3");
        try
        {
            // Added as learner: known by its peer URL only, not started.
            var added = await WhenHealthyAsync(() => client.Cluster.MemberAddAsync([extra.PeerUrl], isLearner: true));
            Assert.True(added.Member.IsLearner);
            Assert.Equal("", added.Member.Name);
            Assert.Equal([extra.PeerUrl], added.Member.PeerUrls);
            Assert.Equal(4, added.Members.Count);
            var id = added.Member.Id;
            // etcd 3.4 answers MemberList from the local member: wait until the one asked has applied the change.
            Member? listed = null;
            await Eventually.TrueAsync(async () => (listed = await FindAsync(client, id)) is not null, TimeSpan.FromSeconds(10), "the learner never appeared in the member list");
            Assert.True(listed!.IsLearner);
            Assert.Empty(listed.ClientUrls);

            // Started: it gets its name and client URL, still a learner; auto-sync leaves it out.
            extra.Start(Cluster);
            await Eventually.TrueAsync(async () => (listed = await FindAsync(client, id)) is { Name: "m3", ClientUrls.Count: > 0 }, TimeSpan.FromSeconds(30), "the learner did not start");
            Assert.True(listed!.IsLearner);
            Assert.Equal([extra.ClientUrl], listed.ClientUrls);
            var syncs = syncing.AutoSync!.Syncs;
            await Eventually.TrueAsync(() => Task.FromResult(syncing.AutoSync.Syncs >= syncs + 2), TimeSpan.FromSeconds(10));
            Assert.Equal(Cluster.ClientUrls.Order(), syncing.Endpoints.Order());

            // Promoted once in sync: a voting member, and auto-sync adds its URL.
            var watch = Stopwatch.StartNew();
            var notReady = 0;
            MemberPromoteResponse promoted;
            while (true)
            {
                try
                {
                    promoted = await client.Cluster.MemberPromoteAsync(id);
                    break;
                }
                catch (EtcdLearnerNotReadyException) when (watch.Elapsed < TimeSpan.FromSeconds(60))
                {
                    notReady++;
                    await Task.Delay(500);
                }
            }

            Output.WriteLine($"promoted after {watch.ElapsedMilliseconds} ms ({notReady} not-ready answers)");
            Assert.False(promoted.Members.Single(m => m.Id == id).IsLearner);
            // etcd 3.4 answers MemberList from the local member, which may apply the promotion a moment later.
            await Eventually.TrueAsync(async () => (await FindAsync(client, id)) is { IsLearner: false }, TimeSpan.FromSeconds(10), "the member list never showed the promotion");
            await Assert.ThrowsAsync<EtcdMemberNotLearnerException>(() => client.Cluster.MemberPromoteAsync(id));
            await Eventually.TrueAsync(() => Task.FromResult(syncing.Endpoints.Contains(extra.ClientUrl)), TimeSpan.FromSeconds(10), "auto-sync did not add the promoted member");
            Assert.Equal(Cluster.ClientUrls.Append(extra.ClientUrl).Order(), syncing.Endpoints.Order());
            await syncing.GetAsync("any"); // the synced client works

            // Removed: gone from the list, and from the synced endpoints.
            var removed = await client.Cluster.MemberRemoveAsync(id);
            Assert.DoesNotContain(removed.Members, m => m.Id == id);
            await Eventually.TrueAsync(async () => await FindAsync(client, id) is null, TimeSpan.FromSeconds(10), "the member list still shows the removed member");
            await Eventually.TrueAsync(() => Task.FromResult(!syncing.Endpoints.Contains(extra.ClientUrl)), TimeSpan.FromSeconds(10), "auto-sync kept the removed member");
            await Assert.ThrowsAsync<EtcdMemberNotFoundException>(() => client.Cluster.MemberRemoveAsync(id));
        }
        finally
        {
            Output.WriteLine(extra.Log);
        }
    }

    [Fact]
    public async Task AutoSync_FromOneEndpoint_FindsEveryMember()
    {
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [Cluster.Members[1].ClientUrl], AutoSyncInterval = SyncInterval });
        client.StartAutoSync(); // no-op once EtcdClient's constructor starts it
        Assert.Equal([Cluster.Members[1].ClientUrl], client.Endpoints);

        await Eventually.TrueAsync(() => Task.FromResult(client.Endpoints.Count == 3), TimeSpan.FromSeconds(10), "auto-sync did not find the members");
        Assert.Equal(Cluster.ClientUrls.Order(), client.Endpoints.Order());
        Assert.Null(client.AutoSync!.LastFailure);

        // Calls go round robin over all of them.
        var members = new HashSet<ulong>();
        for (var i = 0; i < 6; i++)
        {
            members.Add((await client.GetAsync("k", new GetOptions { Serializable = true })).Header.MemberId);
        }

        Assert.Equal(3, members.Count);
    }

    [Fact]
    public async Task SetEndpoints_And_SyncEndpoints_ReplaceTheEndpointsAtRunTime()
    {
        await using var client = new EtcdClient(Cluster.Members[0].ClientUrl);
        var first = (await client.Cluster.MemberListAsync()).Header.MemberId;

        client.SetEndpoints(Cluster.Members[2].ClientUrl);
        Assert.Equal([Cluster.Members[2].ClientUrl], client.Endpoints);
        var second = (await client.GetAsync("k", new GetOptions { Serializable = true })).Header.MemberId;
        Assert.NotEqual(first, second);

        Assert.True(await client.SyncEndpointsAsync());
        Assert.Equal(Cluster.ClientUrls.Order(), client.Endpoints.Order());
        Assert.False(await client.SyncEndpointsAsync());
    }

    [Fact]
    public async Task SetEndpoints_WhileCallsAreInFlight_BreaksNone()
    {
        await using var client = CreateClient();
        await client.PutAsync("k", "v");
        var urls = Cluster.ClientUrls;
        string[][] sets = [[urls[0]], [urls[1], urls[2]], [.. urls], [urls[2], urls[0]]];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var reads = 0;
        var switches = 0;

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal("v", (await client.GetAsync("k")).Kvs.Single().ValueString);
                Interlocked.Increment(ref reads);
            }
        })).ToList();
        var switcher = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                client.SetEndpoints(sets[i % sets.Length]);
                switches++;
                await Task.Delay(5);
            }
        });

        await Task.WhenAll([.. readers, switcher]);
        Output.WriteLine($"{reads} reads across {switches} endpoint changes");
        Assert.True(reads > 100 && switches > 50, $"{reads} reads, {switches} switches");
    }

    [Fact]
    public async Task MemberLeader_IsTheLeaderTheLauncherReports()
    {
        await using var client = CreateClient();
        var expected = await Cluster.GetLeaderAsync();

        var leader = await client.Cluster.MemberLeaderAsync();

        Assert.Equal(expected.Name, leader.Name);
        Assert.Equal([expected.ClientUrl], leader.ClientUrls);
        Assert.Equal([expected.PeerUrl], leader.PeerUrls);
        Assert.False(leader.IsLearner);
    }

    [Fact]
    public async Task MemberList_ReportsEveryMember_AndUpdateChangesPeerUrls()
    {
        await using var client = CreateClient();
        var list = await client.Cluster.MemberListAsync();
        Assert.Equal(["m0", "m1", "m2"], list.Members.Select(m => m.Name).Order());
        Assert.All(list.Members, m => Assert.False(m.IsLearner));
        var m1 = list.Members.Single(m => m.Name == "m1");
        Assert.Equal([Cluster.Members[1].ClientUrl], m1.ClientUrls);

        // Same URL again: a valid update that changes nothing.
        var updated = await client.Cluster.MemberUpdateAsync(m1.Id, m1.PeerUrls);
        Assert.Equal(m1.PeerUrls, updated.Members.Single(m => m.Id == m1.Id).PeerUrls);

        await Assert.ThrowsAsync<EtcdMemberNotFoundException>(() => client.Cluster.MemberUpdateAsync(12345, ["http://127.0.0.1:1"]));
        await Assert.ThrowsAsync<EtcdMemberNotLearnerException>(() => client.Cluster.MemberPromoteAsync(m1.Id));
        await Assert.ThrowsAsync<EtcdPeerUrlExistsException>(() => WhenHealthyAsync(() => client.Cluster.MemberAddAsync(m1.PeerUrls)));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Cluster.MemberAddAsync(["127.0.0.1:2380"]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Cluster.MemberAddAsync(["http://127.0.0.1"]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Cluster.MemberAddAsync(["http://127.0.0.1:2380/path"]));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Cluster.MemberAddAsync([]));
    }
}
