using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Every PutOptions field against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public class PutOptionsTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    [Fact]
    public async Task Lease_AttachesTheKeyAndRevokeDeletesIt()
    {
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(60));

        await Client.PutAsync(Key("k"), "v", new PutOptions { Lease = lease.Id });
        Assert.Equal(lease.Id, (await Client.GetAsync(Key("k"))).Kvs[0].Lease);
        var ttl = await Client.Lease.TimeToLiveAsync(lease.Id, keys: true);
        Assert.Equal([Key("k")], ttl.Keys.Select(k => System.Text.Encoding.UTF8.GetString(k.Span)));

        await Client.Lease.RevokeAsync(lease.Id);
        Assert.Empty((await Client.GetAsync(Key("k"))).Kvs);
    }

    [Fact]
    public async Task PrevKv_ReturnsThePreviousValue()
    {
        var first = await Client.PutAsync(Key("k"), "one", new PutOptions { PrevKv = true });
        var second = await Client.PutAsync(Key("k"), "two", new PutOptions { PrevKv = true });
        var third = await Client.PutAsync(Key("k"), "three");

        Assert.Null(first.PrevKv);
        Assert.Equal("one", second.PrevKv?.ValueString);
        Assert.Equal(first.Header.Revision, second.PrevKv?.ModRevision);
        Assert.Null(third.PrevKv);
    }

    [Fact]
    public async Task IgnoreValue_KeepsTheValueWhileChangingTheLease()
    {
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(60));
        await Client.PutAsync(Key("k"), "kept");

        await Client.PutAsync(Key("k"), EtcdBytes.Empty, new PutOptions { IgnoreValue = true, Lease = lease.Id });

        var kv = (await Client.GetAsync(Key("k"))).Kvs[0];
        Assert.Equal("kept", kv.ValueString);
        Assert.Equal(lease.Id, kv.Lease);
        await Assert.ThrowsAsync<EtcdKeyNotFoundException>(() => Client.PutAsync(Key("missing"), EtcdBytes.Empty, new PutOptions { IgnoreValue = true }));
        await Assert.ThrowsAsync<EtcdValueProvidedException>(() => Client.PutAsync(Key("k"), "x", new PutOptions { IgnoreValue = true }));
    }

    [Fact]
    public async Task IgnoreLease_KeepsTheLeaseWhileChangingTheValue()
    {
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(60));
        await Client.PutAsync(Key("k"), "v1", new PutOptions { Lease = lease.Id });

        await Client.PutAsync(Key("k"), "v2", new PutOptions { IgnoreLease = true });

        var kv = (await Client.GetAsync(Key("k"))).Kvs[0];
        Assert.Equal("v2", kv.ValueString);
        Assert.Equal(lease.Id, kv.Lease);
        await Assert.ThrowsAsync<EtcdKeyNotFoundException>(() => Client.PutAsync(Key("missing"), "v", new PutOptions { IgnoreLease = true }));
        await Assert.ThrowsAsync<EtcdLeaseProvidedException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { IgnoreLease = true, Lease = lease.Id }));
    }

    [Fact]
    public async Task Put_WithUnknownLease_FailsWithLeaseNotFound()
    {
        var error = await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => Client.PutAsync(Key("k"), "v", new PutOptions { Lease = 0x7eadbeef }));

        Assert.Equal(GrpcStatusCode.NotFound, error.StatusCode);
        Assert.Empty((await Client.GetAsync(Key("k"))).Kvs);
    }

    [Fact]
    public async Task BinaryKeysAndValues_RoundTripByteForByte()
    {
        byte[] key = [.. System.Text.Encoding.UTF8.GetBytes(Prefix), 0x00, 0xff, 0x80, 0x7f];
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await Client.PutAsync(key, value);

        var kv = Assert.Single((await Client.GetAsync(key)).Kvs);
        Assert.Equal(key, kv.Key.ToArray());
        Assert.Equal(value, kv.Value.ToArray());
    }
}
