using System.Text;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Kv;

namespace EtcdNet.IntegrationTests;

/// <summary><see cref="PutOptions.Ttl"/> and <see cref="EtcdClientOptions.DefaultTtl"/> (the Lua client's ttl) against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class ConvenienceTtlTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Ttl_GrantsALeaseOfThatTtlAndAttachesTheKey_RevokingItDeletesTheKey()
    {
        await Client.PutAsync(Key("k"), "v", new PutOptions { Ttl = Minute });

        var kv = Assert.Single((await Client.GetAsync(Key("k"))).Kvs);
        var lease = await Client.Lease.TimeToLiveAsync(kv.Lease, keys: true);
        Assert.NotEqual(0, kv.Lease);
        Assert.Equal(Minute, lease.GrantedTtl);
        Assert.InRange(lease.Ttl, TimeSpan.FromSeconds(55), Minute);
        Assert.Equal([Key("k")], lease.Keys.Select(k => Encoding.UTF8.GetString(k.Span)));

        await Client.Lease.RevokeAsync(kv.Lease);
        Assert.Empty((await Client.GetAsync(Key("k"))).Kvs);
    }

    [Fact]
    public async Task Ttl_TheKeyIsGoneOnceTheTtlPasses()
    {
        var put = await Client.PutAsync(Key("short"), "v", new PutOptions { Ttl = TimeSpan.FromSeconds(2) });
        var lease = Assert.Single((await Client.GetAsync(Key("short"))).Kvs).Lease;
        Assert.InRange((await Client.Lease.TimeToLiveAsync(lease)).Ttl, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        await Eventually.TrueAsync(async () => (await Client.GetAsync(Key("short"))).Kvs.Count == 0, TimeSpan.FromSeconds(10), "the key outlived its TTL");

        Assert.True((await Client.Lease.TimeToLiveAsync(lease)).Ttl < TimeSpan.Zero, "the lease expired");
        Assert.True(put.Header.Revision > 0);
    }

    [Fact]
    public async Task Ttl_EachPutCreatesItsOwnLease()
    {
        var leases = new List<long>();
        foreach (var (name, value) in new[] { ("a", "1"), ("b", "2"), ("a", "3") })
        {
            await Client.PutAsync(Key(name), value, new PutOptions { Ttl = Minute });
            leases.Add(Assert.Single((await Client.GetAsync(Key(name))).Kvs).Lease);
        }

        Assert.Equal(3, leases.Distinct().Count());
        Assert.DoesNotContain(0, leases);
    }

    [Fact]
    public async Task Ttl_WithLeaseOrIgnoreLease_OrNotWholeSeconds_IsRejectedBeforeAnythingIsSent()
    {
        var leasesBefore = (await Client.Lease.LeasesAsync()).Leases.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { Ttl = Minute, Lease = 42 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { Ttl = Minute, IgnoreLease = true }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { Ttl = TimeSpan.FromMilliseconds(1500) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { Ttl = TimeSpan.Zero }));

        Assert.Empty((await Client.GetAsync(Key("k"))).Kvs);
        Assert.Equal(leasesBefore, (await Client.Lease.LeasesAsync()).Leases.Count);
    }

    [Fact]
    public async Task DefaultTtl_AppliesOnlyToPutsThatNameNoLease()
    {
        var kv = new KvClient(Client.Invoker, Minute); // what EtcdClient builds for EtcdClientOptions.DefaultTtl
        var ownLease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(120));

        await kv.PutAsync(Key("default"), "v");
        await kv.PutAsync(Key("lease"), "v", new PutOptions { Lease = ownLease.Id });
        await kv.PutAsync(Key("ttl"), "v", new PutOptions { Ttl = TimeSpan.FromSeconds(90) });
        await kv.PutAsync(Key("lease"), "v2", new PutOptions { IgnoreLease = true });
        await kv.DoAsync(Op.Put(Key("op"), "v"));

        Assert.Equal(Minute, await GrantedTtlAsync("default"));
        Assert.Equal(ownLease.Id, Assert.Single((await Client.GetAsync(Key("lease"))).Kvs).Lease);
        Assert.Equal(TimeSpan.FromSeconds(90), await GrantedTtlAsync("ttl"));
        Assert.Equal(Minute, await GrantedTtlAsync("op"));
    }

    [Fact]
    public async Task DefaultTtl_DoesNotApplyInsideTransactions_NorWithoutTheOption()
    {
        var kv = new KvClient(Client.Invoker, Minute);

        await kv.Txn().Then(Op.Put(Key("txn"), "v")).CommitAsync();
        await Client.PutAsync(Key("no-default"), "v");

        Assert.Equal(0, Assert.Single((await Client.GetAsync(Key("txn"))).Kvs).Lease);
        Assert.Equal(0, Assert.Single((await Client.GetAsync(Key("no-default"))).Kvs).Lease);
    }

    [Fact]
    public async Task DefaultTtl_FromTheClientOptions_AppliesToTheClientsPuts()
    {
        await using var client = Fixture.CreateClient(o => o with { DefaultTtl = Minute });

        await client.PutAsync(Key("k"), "v");
        await client.PutIfAbsentAsync(Key("nx"), "v");
        await client.PutJsonAsync(Key("json"), new[] { 1, 2 });

        foreach (var name in new[] { "k", "nx", "json" })
        {
            Assert.Equal(Minute, await GrantedTtlAsync(name));
        }
    }

    private async Task<TimeSpan> GrantedTtlAsync(string name)
    {
        var lease = Assert.Single((await Client.GetAsync(Key(name))).Kvs).Lease;
        Assert.NotEqual(0, lease);
        return (await Client.Lease.TimeToLiveAsync(lease)).GrantedTtl;
    }
}
