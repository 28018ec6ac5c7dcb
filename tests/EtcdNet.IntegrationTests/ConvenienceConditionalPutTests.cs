using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>PutIfAbsentAsync / PutIfExistsAsync (the Lua client's setnx / setx) against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class ConvenienceConditionalPutTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    [Fact]
    public async Task PutIfAbsent_WritesAMissingKey_ThenLeavesItUnchanged()
    {
        var first = await Client.PutIfAbsentAsync(Key("k"), "first");
        var revision = Assert.Single((await Client.GetAsync(Key("k"))).Kvs).ModRevision;
        var second = await Client.PutIfAbsentAsync(Key("k"), "second");

        Assert.True(first);
        Assert.False(second);
        var kv = Assert.Single((await Client.GetAsync(Key("k"))).Kvs);
        Assert.Equal("first", kv.ValueString);
        Assert.Equal(revision, kv.ModRevision);
    }

    [Fact]
    public async Task PutIfExists_DoesNotCreateAMissingKey_ThenReplacesAnExistingOne()
    {
        var missing = await Client.PutIfExistsAsync(Key("k"), "never");
        Assert.Empty((await Client.GetAsync(Key("k"))).Kvs);
        await Client.PutAsync(Key("k"), "old");

        var existing = await Client.PutIfExistsAsync(Key("k"), "new");

        Assert.False(missing);
        Assert.True(existing);
        Assert.Equal("new", Assert.Single((await Client.GetAsync(Key("k"))).Kvs).ValueString);
    }

    [Fact]
    public async Task ConditionalPuts_WorkThroughTheKvProperty_AndWithBinaryValues()
    {
        byte[] value = [0, 1, 2, 0xff];

        Assert.True(await Client.Kv.PutIfAbsentAsync(Key("bin"), value));
        Assert.True(await Client.Kv.PutIfExistsAsync(Key("bin"), value.Reverse().ToArray()));

        Assert.Equal(value.Reverse(), Assert.Single((await Client.GetAsync(Key("bin"))).Kvs).Value.ToArray());
    }

    [Fact]
    public async Task PutIfAbsent_WithTtl_AttachesALease_AndRevokesTheUnusedOneWhenTheKeyExists()
    {
        var ttl = TimeSpan.FromSeconds(60);

        Assert.True(await Client.PutIfAbsentAsync(Key("k"), "v", new PutOptions { Ttl = ttl }));
        var kv = Assert.Single((await Client.GetAsync(Key("k"))).Kvs);
        var leasesAfterFirst = (await Client.Lease.LeasesAsync()).Leases.Count;
        Assert.False(await Client.PutIfAbsentAsync(Key("k"), "other", new PutOptions { Ttl = ttl }));

        Assert.Equal(ttl, (await Client.Lease.TimeToLiveAsync(kv.Lease)).GrantedTtl);
        Assert.Equal(leasesAfterFirst, (await Client.Lease.LeasesAsync()).Leases.Count);
        Assert.Equal(kv.Lease, Assert.Single((await Client.GetAsync(Key("k"))).Kvs).Lease);
    }

    [Fact]
    public async Task PutIfExists_WithIgnoreLease_KeepsTheKeysLease()
    {
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(60));
        await Client.PutAsync(Key("k"), "v1", new PutOptions { Lease = lease.Id });

        Assert.True(await Client.PutIfExistsAsync(Key("k"), "v2", new PutOptions { IgnoreLease = true }));

        var kv = Assert.Single((await Client.GetAsync(Key("k"))).Kvs);
        Assert.Equal("v2", kv.ValueString);
        Assert.Equal(lease.Id, kv.Lease);
    }
}
