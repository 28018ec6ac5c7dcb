using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The clientv3 package examples, each on a fresh single-member cluster, giving the documented output.</summary>
public sealed class SeedExampleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;
    private EtcdClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(1);
        _client = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(5), RequestTimeout = TimeSpan.FromSeconds(10) });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Put_OnFreshCluster_ReportsRevision2()
    {
        var resp = await _client.PutAsync("sample_key", "sample_value");

        Assert.Equal(2, resp.Header.Revision); // revisions start at 1
    }

    [Fact]
    public async Task Get_ReturnsThePutValue()
    {
        await _client.PutAsync("foo", "bar");

        var resp = await _client.GetAsync("foo");

        Assert.Equal(["foo : bar"], resp.Kvs.Select(kv => $"{kv.KeyString} : {kv.ValueString}"));
    }

    [Fact]
    public async Task GetSortedPrefix_PrintsKeysDescending()
    {
        for (var i = 0; i < 3; i++)
        {
            await _client.PutAsync($"key_{i}", "value");
        }

        var resp = await _client.GetAsync("key", new GetOptions { Prefix = true, SortTarget = SortTarget.Key, SortOrder = SortOrder.Descend });

        Assert.Equal(["key_2 : value", "key_1 : value", "key_0 : value"], resp.Kvs.Select(kv => kv.ToString()));
    }

    [Fact]
    public async Task Txn_ValueComparisonIsLexical_EndsWithXYZ()
    {
        await _client.PutAsync("key", "xyz");

        var txn = await _client.Txn()
            .If(Compare.Value("key", CompareOp.Greater, "abc")) // 'xyz' > 'abc'
            .Then(Op.Put("key", "XYZ"))
            .Else(Op.Put("key", "ABC"))
            .CommitAsync();
        var get = await _client.GetAsync("key");

        Assert.True(txn.Succeeded);
        Assert.Equal("key : XYZ", Assert.Single(get.Kvs).ToString());
    }

    [Fact]
    public async Task DeleteWithPrefix_ReportsDeletedCount()
    {
        await _client.PutAsync("key1", "a");
        await _client.PutAsync("key2", "b");
        await _client.PutAsync("key3", "c");
        await _client.PutAsync("other", "d");

        var resp = await _client.DeleteAsync("key", new DeleteOptions { Prefix = true });

        Assert.Equal(3, resp.Deleted);
        Assert.Equal(1, (await _client.GetAsync("", new GetOptions { Prefix = true, CountOnly = true })).Count);
    }

    [Fact]
    public async Task Do_RunsItsOpList()
    {
        Op[] ops = [Op.Put("put-key", "123"), Op.Get("put-key"), Op.Put("put-key", "456")];
        var results = new List<OpResponse>();

        foreach (var op in ops)
        {
            results.Add(await _client.DoAsync(op));
        }

        Assert.Equal([OpKind.Put, OpKind.Get, OpKind.Put], results.Select(r => r.Kind));
        Assert.Equal("123", Assert.Single(results[1].Get!.Kvs).ValueString);
        Assert.Equal("456", (await _client.GetAsync("put-key")).Kvs[0].ValueString);
        Assert.Equal(results[0].Header.Revision + 1, results[2].Header.Revision);
    }

    [Fact]
    public async Task Compact_ThenGetAtOlderRevision_FailsWithCompactRevision()
    {
        var first = await _client.PutAsync("foo", "v1");
        await _client.PutAsync("foo", "v2");
        var compRev = (await _client.GetAsync("foo")).Header.Revision;

        await _client.CompactAsync(compRev);
        var error = await Assert.ThrowsAsync<EtcdCompactedException>(() => _client.GetAsync("foo", new GetOptions { Revision = first.Header.Revision }));

        Assert.Equal(compRev, error.CompactRevision);
        Assert.Equal(GrpcStatusCode.OutOfRange, error.StatusCode);
        Assert.Equal("v2", (await _client.GetAsync("foo", new GetOptions { Revision = compRev })).Kvs[0].ValueString);
    }
}
