using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Every DeleteOptions field against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public class DeleteOptionsTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private async Task<string[]> RemainingAsync()
        => (await Client.GetAsync(Prefix, new GetOptions { Prefix = true })).Kvs.Select(kv => kv.KeyString[Prefix.Length..]).ToArray();

    private async Task PutAllAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await Client.PutAsync(Key(name), "v-" + name);
        }
    }

    [Fact]
    public async Task SingleKey_DeletesOnlyThatKey()
    {
        await PutAllAsync("a", "ab");

        var resp = await Client.DeleteAsync(Key("a"));

        Assert.Equal(1, resp.Deleted);
        Assert.Equal(["ab"], await RemainingAsync());
        Assert.Equal(0, (await Client.DeleteAsync(Key("a"))).Deleted);
    }

    [Fact]
    public async Task Prefix_DeletesKeysUnderThePrefix()
    {
        await PutAllAsync("dir/a", "dir/b", "dir0");

        var resp = await Client.DeleteAsync(Key("dir/"), new DeleteOptions { Prefix = true });

        Assert.Equal(2, resp.Deleted);
        Assert.Equal(["dir0"], await RemainingAsync());
    }

    [Fact]
    public async Task RangeEnd_DeletesTheHalfOpenRange()
    {
        await PutAllAsync("a", "b", "c", "d");

        var resp = await Client.DeleteAsync(Key("b"), new DeleteOptions { RangeEnd = Key("d") });

        Assert.Equal(2, resp.Deleted);
        Assert.Equal(["a", "d"], await RemainingAsync());
    }

    [Fact]
    public async Task FromKey_DeletesEveryKeyFromTheKeyOn()
    {
        // From-key reaches the end of the keyspace, so it also removes keys other tests of this
        // collection left behind (they run one after another and never rely on earlier tests' keys).
        // The count read just before must match what was deleted, and nothing before "b" may go.
        await PutAllAsync("a", "b", "c");
        var before = (await Client.GetAsync(Key("b"), new GetOptions { FromKey = true, CountOnly = true })).Count;

        var resp = await Client.DeleteAsync(Key("b"), new DeleteOptions { FromKey = true });

        Assert.Equal(before, resp.Deleted);
        Assert.True(resp.Deleted >= 2);
        Assert.Equal(["a"], await RemainingAsync());
    }

    [Fact]
    public async Task PrevKv_ReturnsTheDeletedPairs()
    {
        await PutAllAsync("a", "b");

        var resp = await Client.DeleteAsync(Prefix, new DeleteOptions { Prefix = true, PrevKv = true });

        Assert.Equal([Key("a") + " : v-a", Key("b") + " : v-b"], resp.PrevKvs.Select(kv => kv.ToString()));
        Assert.Empty((await Client.DeleteAsync(Key("x"), new DeleteOptions { PrevKv = false })).PrevKvs);
    }
}
