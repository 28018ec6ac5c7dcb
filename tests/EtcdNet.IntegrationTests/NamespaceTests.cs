using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Namespace views on real etcd: isolation, and keys returned without the prefix everywhere.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class NamespaceTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    [Fact]
    public async Task AViewOnA_CannotSeeOrChangeKeysOfB()
    {
        var a = Client.WithNamespace(Key("a/"));
        var b = Client.WithNamespace(Key("b/"));
        await a.PutAsync("k", "in a");
        await b.PutAsync("k", "in b");

        Assert.Equal("in a", Assert.Single((await a.GetAsync("k")).Kvs).ValueString);
        Assert.Equal(["k"], (await a.GetAsync("", new GetOptions { Prefix = true })).Kvs.Select(kv => kv.KeyString));
        Assert.Equal(1, (await a.GetAsync("\0", new GetOptions { FromKey = true, CountOnly = true })).Count);
        Assert.Equal(1, (await a.DeleteAsync("", new DeleteOptions { Prefix = true })).Deleted);
        Assert.Equal("in b", (await Client.GetAsync(Key("b/k"))).Kvs[0].ValueString);
        Assert.Empty((await Client.GetAsync(Key("a/k"))).Kvs);
    }

    [Fact]
    public async Task ResultsPrevKvsTxnResultsAndWatchEvents_ComeBackWithoutThePrefix()
    {
        var ns = Client.WithNamespace(Key("ns/"));
        await using var watch = await WatchRecorder.StartAsync(ns.Watch, "w", new WatchOptions { PrevKv = true });
        await ns.PutAsync("w", "1");

        var put = await ns.PutAsync("w", "2", new PutOptions { PrevKv = true });
        var txn = await ns.Txn()
            .If(Compare.Value("w", CompareOp.Equal, "2"))
            .Then(Op.Get("w"), Op.Put("t", "x", new PutOptions { PrevKv = true }), Op.Delete("w", new DeleteOptions { PrevKv = true }))
            .CommitAsync();
        var events = await watch.EventsAsync(3);

        Assert.Equal("w", put.PrevKv?.KeyString);
        Assert.True(txn.Succeeded);
        Assert.Equal("w", txn.Responses[0].Get!.Kvs[0].KeyString);
        Assert.Equal("w", txn.Responses[2].Delete!.PrevKvs[0].KeyString);
        Assert.All(events, e => Assert.Equal("w", e.Kv.KeyString));
        Assert.Equal("w", events[1].PrevKv?.KeyString);
        Assert.Equal(Key("ns/t"), (await Client.GetAsync(Key("ns/t"))).Kvs[0].KeyString);
    }

    [Fact]
    public async Task ANamespacedWatchOnEverything_SeesOnlyItsNamespace()
    {
        var ns = Client.WithNamespace(Key("only/"));
        await using var watch = await WatchRecorder.StartAsync(ns.Watch, "", new WatchOptions { Prefix = true });

        await Client.PutAsync(Key("elsewhere"), "x");
        await ns.PutAsync("mine", "y");

        Assert.Equal("mine", Assert.Single((await watch.NextAsync()).Events).Kv.KeyString);
    }

    [Fact]
    public async Task LocksAndElections_UseNamesInsideTheNamespace()
    {
        var ns = Client.WithNamespace(Key("le/"));
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(30));

        var held = await ns.Lock.LockAsync("job", lease.Id);
        Assert.StartsWith("job/", held.KeyString, StringComparison.Ordinal);
        Assert.Single((await Client.GetAsync(Key("le/job/"), new GetOptions { Prefix = true })).Kvs);
        await ns.Lock.UnlockAsync(held.Key);
        Assert.Empty((await Client.GetAsync(Key("le/job/"), new GetOptions { Prefix = true })).Kvs);

        var leader = await ns.Election.CampaignAsync("vote", lease.Id, "v1");
        Assert.Equal("vote", leader.NameString);
        Assert.StartsWith("vote/", leader.KeyString, StringComparison.Ordinal);
        await ns.Election.ProclaimAsync(leader, "v2");
        var current = await ns.Election.LeaderAsync("vote");
        Assert.Equal("v2", current.Kv.ValueString);
        Assert.StartsWith("vote/", current.Kv.KeyString, StringComparison.Ordinal);
        await ns.Election.ResignAsync(leader);
        await Client.Lease.RevokeAsync(lease.Id);
    }

    [Fact]
    public async Task NamespaceInOptions_AppliesToTheWholeClient()
    {
        await using var scoped = Fixture.CreateClient(o => o with { Namespace = Key("opt/") });

        await scoped.PutAsync("k", "v");

        Assert.Equal("k", (await scoped.GetAsync("k")).Kvs[0].KeyString);
        Assert.Equal("v", (await Client.GetAsync(Key("opt/k"))).Kvs[0].ValueString);
    }

    [Fact]
    public async Task ConveniencesOnAView_StayInsideTheNamespace_WithTheirTtl()
    {
        var ns = Client.WithNamespace(Key("conv/"));

        Assert.True(await ns.PutIfAbsentAsync("k", "v", new PutOptions { Ttl = TimeSpan.FromSeconds(30) }));
        Assert.False(await ns.PutIfAbsentAsync("k", "other"));

        var stored = Assert.Single((await Client.GetAsync(Key("conv/k"))).Kvs);
        Assert.Equal("v", stored.ValueString);
        Assert.NotEqual(0, stored.Lease);
        await ns.PutAsync("dir/x", "1");
        Assert.Equal(["dir/x"], (await ns.ReadDirAsync("dir")).Kvs.Select(kv => kv.KeyString));
    }
}
