using System.Text.Json;
using EtcdNet.Discovery.Tests.Infrastructure;

namespace EtcdNet.Discovery.Tests;

/// <summary>Registering, listing and watching endpoints against a real single-member etcd.</summary>
public sealed class EndpointManagerTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AddListDelete_StoresGoLayout_AndListsWhatIsThere()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        var metadata = JsonDocument.Parse("""{"zone":"a","weight":3}""").RootElement;
        await manager.AddAsync(manager.KeyOf("one"), new ServiceEndpoint("10.0.0.1:80", metadata));
        await manager.AddAsync(manager.KeyOf("two"), new ServiceEndpoint("10.0.0.2:80"));

        var stored = (await client.GetAsync(manager.KeyOf("two"))).Kvs.Single().ValueString;
        Assert.Equal("""{"Op":0,"Addr":"10.0.0.2:80","Metadata":null}""", stored);
        var listed = await manager.ListAsync();
        Assert.Equal(2, listed.Count);
        Assert.Equal("10.0.0.1:80", listed[manager.KeyOf("one")].Address);
        Assert.Equal(3, listed[manager.KeyOf("one")].Metadata!.Value.GetProperty("weight").GetInt32());

        await manager.DeleteAsync(manager.KeyOf("one"));
        Assert.Equal([manager.KeyOf("two")], (await manager.ListAsync()).Keys);
    }

    [Fact]
    public async Task BadArguments_FailBeforeAnythingIsWritten()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        var good = EndpointUpdate.Add(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"));

        await Assert.ThrowsAsync<ArgumentException>(() => manager.UpdateAsync([good, EndpointUpdate.Delete("other/b")]));
        await Assert.ThrowsAsync<ArgumentException>(() => manager.AddAsync(manager.Prefix, new ServiceEndpoint("10.0.0.1:80")));
        await Assert.ThrowsAsync<ArgumentException>(() => manager.UpdateAsync([new EndpointUpdate(EndpointUpdateKind.Added, manager.KeyOf("c"))]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => manager.RegisterAsync(manager.KeyOf("d"), new ServiceEndpoint("10.0.0.1:80"), TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => manager.AddAsync(null!, new ServiceEndpoint("10.0.0.1:80")));
        await Assert.ThrowsAsync<ArgumentException>(() => manager.DeleteAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => manager.RegisterAsync(null!, new ServiceEndpoint("10.0.0.1:80"), TimeSpan.FromSeconds(5)));
        Assert.Throws<ArgumentNullException>(() => new EtcdNet.Discovery.Grpc.EtcdResolverFactory(null!));
        Assert.Throws<ArgumentException>(() => new ServiceEndpoint(""));
        Assert.Throws<ArgumentException>(() => new EndpointManager(client, ""));
        Assert.Empty(await manager.ListAsync());
    }

    [Fact]
    public async Task Watch_StartsWithTheCurrentSet_ThenEachTransactionAsOneBatch()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        await manager.AddAsync(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"));
        await using var watch = manager.WatchAsync().GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        var initial = Assert.Single(watch.Current);
        Assert.Equal((EndpointUpdateKind.Added, manager.KeyOf("a"), "10.0.0.1:80"), (initial.Kind, initial.Key, initial.Endpoint!.Address));

        await manager.UpdateAsync(
        [
            EndpointUpdate.Delete(manager.KeyOf("a")),
            EndpointUpdate.Add(manager.KeyOf("b"), new ServiceEndpoint("10.0.0.2:80")),
        ]);
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Equal(
            [(EndpointUpdateKind.Deleted, manager.KeyOf("a")), (EndpointUpdateKind.Added, manager.KeyOf("b"))],
            watch.Current.Select(u => (u.Kind, u.Key)));
    }

    [Fact]
    public async Task Watch_ValuesThatAreNotEndpoints_AreSkipped_AndAnEndpointTurnedInvalidIsDeleted()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        await using var watch = manager.WatchAsync().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Empty(watch.Current);

        await client.PutAsync(manager.KeyOf("garbage"), "not json");
        await client.PutAsync(manager.KeyOf("no-address"), """{"Op":0,"Metadata":1}""");
        await client.PutAsync(manager.KeyOf("x"), """{"op":0,"addr":"10.0.0.9:80"}""");
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        var added = Assert.Single(watch.Current);
        Assert.Equal((EndpointUpdateKind.Added, "10.0.0.9:80"), (added.Kind, added.Endpoint!.Address));

        await client.PutAsync(manager.KeyOf("x"), "[]");
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Equal((EndpointUpdateKind.Deleted, manager.KeyOf("x")), (Assert.Single(watch.Current).Kind, watch.Current[0].Key));
        Assert.Equal(["garbage", "no-address", "x"], (await client.GetAsync(manager.Prefix, new GetOptions { Prefix = true })).Kvs.Select(k => k.KeyString[manager.Prefix.Length..]));
        Assert.Empty(await manager.ListAsync());
    }

    [Fact]
    public async Task WatchSet_YieldsTheWholeLiveSetAfterEachChange()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        await using var sets = manager.WatchSetAsync().GetAsyncEnumerator();
        Assert.True(await sets.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Empty(sets.Current);

        await manager.AddAsync(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"));
        Assert.True(await sets.MoveNextAsync().AsTask().WaitAsync(Wait));
        var first = sets.Current;
        await manager.AddAsync(manager.KeyOf("b"), new ServiceEndpoint("10.0.0.2:80"));
        Assert.True(await sets.MoveNextAsync().AsTask().WaitAsync(Wait));

        Assert.Equal([manager.KeyOf("a")], first.Keys);
        Assert.Equal(["10.0.0.1:80", "10.0.0.2:80"], sets.Current.Values.Select(e => e.Address).Order());
    }
}
