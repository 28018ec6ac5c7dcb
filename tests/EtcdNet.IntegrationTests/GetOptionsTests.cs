using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Every GetOptions field against real etcd; each test's data makes an ignored option visible.</summary>
[Collection(SingleMemberCollection.Name)]
public class GetOptionsTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private static string[] Keys(GetResponse r) => r.Kvs.Select(kv => kv.KeyString).ToArray();

    private async Task PutAllAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await Client.PutAsync(Key(name), "v-" + name);
        }
    }

    [Fact]
    public async Task Prefix_ReturnsOnlyKeysUnderThePrefix()
    {
        await PutAllAsync("dir/a", "dir/b", "dir0", "dis");

        var resp = await Client.GetAsync(Key("dir/"), new GetOptions { Prefix = true });

        Assert.Equal([Key("dir/a"), Key("dir/b")], Keys(resp));
    }

    [Fact]
    public async Task RangeEnd_IsExclusive()
    {
        await PutAllAsync("a", "b", "c", "d");

        var resp = await Client.GetAsync(Key("b"), new GetOptions { RangeEnd = Key("d") });

        Assert.Equal([Key("b"), Key("c")], Keys(resp));
    }

    [Fact]
    public async Task FromKey_ReturnsKeysGreaterOrEqual()
    {
        await PutAllAsync("a", "b", "c");

        var resp = await Client.GetAsync(Key("b"), new GetOptions { FromKey = true, RangeEnd = null });

        var keys = Keys(resp);
        Assert.Equal([Key("b"), Key("c")], keys.Take(2));
        Assert.DoesNotContain(Key("a"), keys);
        Assert.All(keys, k => Assert.True(string.CompareOrdinal(k, Key("b")) >= 0));
    }

    [Fact]
    public async Task Revision_ReadsThePast()
    {
        var first = await Client.PutAsync(Key("k"), "old");
        await Client.PutAsync(Key("k"), "new");

        var past = await Client.GetAsync(Key("k"), new GetOptions { Revision = first.Header.Revision });

        Assert.Equal("old", Assert.Single(past.Kvs).ValueString);
        Assert.Equal("new", (await Client.GetAsync(Key("k"))).Kvs[0].ValueString);
    }

    [Fact]
    public async Task Limit_CutsTheResultAndReportsMore()
    {
        await PutAllAsync("a", "b", "c");

        var resp = await Client.GetAsync(Prefix, new GetOptions { Prefix = true, Limit = 2 });

        Assert.Equal([Key("a"), Key("b")], Keys(resp));
        Assert.True(resp.More);
        Assert.Equal(3, resp.Count);
    }

    [Theory]
    [InlineData(SortTarget.Key, SortOrder.Ascend, "a,b,c")]
    [InlineData(SortTarget.Key, SortOrder.Descend, "c,b,a")]
    [InlineData(SortTarget.Version, SortOrder.Descend, "c,a,b")]
    [InlineData(SortTarget.Version, SortOrder.Ascend, "b,a,c")]
    [InlineData(SortTarget.CreateRevision, SortOrder.Ascend, "b,c,a")]
    [InlineData(SortTarget.CreateRevision, SortOrder.Descend, "a,c,b")]
    [InlineData(SortTarget.ModRevision, SortOrder.Ascend, "b,a,c")]
    [InlineData(SortTarget.ModRevision, SortOrder.Descend, "c,a,b")]
    [InlineData(SortTarget.Value, SortOrder.Ascend, "c,a,b")]
    [InlineData(SortTarget.Value, SortOrder.Descend, "b,a,c")]
    public async Task Sort_OrdersByEveryTarget(SortTarget target, SortOrder order, string expected)
    {
        // Creation order b, c, a. Versions: b=1, a=2, c=3. Last modification: b, a, c. Values: c < a < b.
        await Client.PutAsync(Key("b"), "3");
        await Client.PutAsync(Key("c"), "0");
        await Client.PutAsync(Key("a"), "1");
        await Client.PutAsync(Key("c"), "1");
        await Client.PutAsync(Key("a"), "2");
        await Client.PutAsync(Key("c"), "1-final");

        var resp = await Client.GetAsync(Prefix, new GetOptions { Prefix = true, SortTarget = target, SortOrder = order });

        Assert.Equal(expected.Split(',').Select(Key), Keys(resp));
    }

    [Fact]
    public async Task KeysOnly_OmitsValues()
    {
        await PutAllAsync("a");

        var resp = await Client.GetAsync(Key("a"), new GetOptions { KeysOnly = true });

        var kv = Assert.Single(resp.Kvs);
        Assert.Equal(Key("a"), kv.KeyString);
        Assert.True(kv.Value.IsEmpty);
        Assert.Equal(1, kv.Version);
    }

    [Fact]
    public async Task CountOnly_ReturnsOnlyTheCount()
    {
        await PutAllAsync("a", "b", "c");

        var resp = await Client.GetAsync(Prefix, new GetOptions { Prefix = true, CountOnly = true });

        Assert.Empty(resp.Kvs);
        Assert.Equal(3, resp.Count);
    }

    [Fact]
    public async Task ModAndCreateRevisionFilters_SelectByRevision()
    {
        var a = await Client.PutAsync(Key("a"), "1");
        var b = await Client.PutAsync(Key("b"), "1");
        var c = await Client.PutAsync(Key("c"), "1");
        var a2 = await Client.PutAsync(Key("a"), "2"); // a: created first, modified last
        var all = new GetOptions { Prefix = true };

        Assert.Equal([Key("a"), Key("c")], Keys(await Client.GetAsync(Prefix, all with { MinModRevision = c.Header.Revision })));
        Assert.Equal([Key("b")], Keys(await Client.GetAsync(Prefix, all with { MaxModRevision = b.Header.Revision })));
        Assert.Equal([Key("b"), Key("c")], Keys(await Client.GetAsync(Prefix, all with { MinCreateRevision = b.Header.Revision })));
        Assert.Equal([Key("a"), Key("b")], Keys(await Client.GetAsync(Prefix, all with { MaxCreateRevision = b.Header.Revision })));
        Assert.Equal([Key("a")], Keys(await Client.GetAsync(Prefix, all with { MinModRevision = a2.Header.Revision, MaxCreateRevision = a.Header.Revision })));
    }

    [Fact]
    public async Task Presets_PickTheFirstAndLastByKeyCreateAndRevision()
    {
        // Created b, c, a; then b modified again. So by key: a..c; by create: b..a; by mod: c..b.
        await Client.PutAsync(Key("b"), "1");
        await Client.PutAsync(Key("c"), "1");
        await Client.PutAsync(Key("a"), "1");
        await Client.PutAsync(Key("b"), "2");

        async Task<string> One(GetOptions preset) => Assert.Single((await Client.GetAsync(Prefix, preset)).Kvs).KeyString;

        Assert.Equal(Key("a"), await One(GetOptions.FirstKey));
        Assert.Equal(Key("c"), await One(GetOptions.LastKey));
        Assert.Equal(Key("b"), await One(GetOptions.FirstCreate));
        Assert.Equal(Key("a"), await One(GetOptions.LastCreate));
        Assert.Equal(Key("c"), await One(GetOptions.FirstRev));
        Assert.Equal(Key("b"), await One(GetOptions.LastRev));
    }

    [Fact]
    public async Task EmptyKeyWithPrefix_ReadsAllKeys()
    {
        await PutAllAsync("a");

        var resp = await Client.GetAsync("", new GetOptions { Prefix = true, CountOnly = true });

        Assert.True(resp.Count >= 1);
        Assert.Equal(resp.Count, (await Client.GetAsync("\0", new GetOptions { FromKey = true, CountOnly = true })).Count);
    }

    [Fact]
    public async Task ConflictingRangeOptions_FailFastWithArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.GetAsync(Key("a"), new GetOptions { Prefix = true, FromKey = true }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetAsync(Key("a"), new GetOptions { Limit = -1 }));
    }
}
