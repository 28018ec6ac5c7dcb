using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Every WatchOptions field against real etcd; each test's data makes an ignored option visible.</summary>
[Collection(SingleMemberCollection.Name)]
public class WatchOptionsTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    [Fact]
    public async Task Key_WatchesOnlyThatKey()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"));

        await Client.PutAsync(Key("k2"), "other");
        var put = await Client.PutAsync(Key("k"), "v");

        var e = Assert.Single((await watch.NextAsync()).Events);
        Assert.Equal(WatchEventType.Put, e.Type);
        Assert.Equal(Key("k"), e.Kv.KeyString);
        Assert.Equal(put.Header.Revision, e.Kv.ModRevision);
        Assert.True(e.IsCreate);
    }

    [Fact]
    public async Task Prefix_WatchesKeysUnderThePrefix()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("dir/"), new WatchOptions { Prefix = true });

        await Client.PutAsync(Key("dir0"), "outside");
        await Client.PutAsync(Key("dir/a"), "inside");

        Assert.Equal(Key("dir/a"), Assert.Single((await watch.NextAsync()).Events).Kv.KeyString);
    }

    [Fact]
    public async Task RangeEnd_WatchesTheHalfOpenRange()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("b"), new WatchOptions { RangeEnd = Key("d") });

        await Client.PutAsync(Key("d"), "end is exclusive");
        await Client.PutAsync(Key("a"), "before");
        await Client.PutAsync(Key("c"), "inside");

        Assert.Equal(Key("c"), Assert.Single((await watch.NextAsync()).Events).Kv.KeyString);
    }

    [Fact]
    public async Task FromKey_WatchesEveryKeyFromTheKeyOn()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("m"), new WatchOptions { FromKey = true });

        await Client.PutAsync(Key("a"), "before");
        await Client.PutAsync(Key("z"), "after");

        Assert.Equal(Key("z"), Assert.Single((await watch.NextAsync()).Events).Kv.KeyString);
    }

    [Fact]
    public async Task StartRevision_ReplaysHistory()
    {
        var first = await Client.PutAsync(Key("k"), "1");
        await Client.PutAsync(Key("k"), "2");

        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { StartRevision = first.Header.Revision });

        var events = await watch.EventsAsync(2);
        Assert.Equal(["1", "2"], events.Select(e => e.Kv.ValueString));
        Assert.Equal(first.Header.Revision, events[0].Kv.ModRevision);
    }

    [Fact]
    public async Task NoPut_DeliversOnlyDeletes()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { NoPut = true });

        await Client.PutAsync(Key("k"), "v");
        var delete = await Client.DeleteAsync(Key("k"));

        var e = Assert.Single((await watch.NextAsync()).Events);
        Assert.Equal(WatchEventType.Delete, e.Type);
        Assert.Equal(delete.Header.Revision, e.Kv.ModRevision);
    }

    [Fact]
    public async Task NoDelete_DeliversOnlyPuts()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { NoDelete = true });

        await Client.PutAsync(Key("k"), "1");
        await Client.DeleteAsync(Key("k"));
        await Client.PutAsync(Key("k"), "2");

        var events = await watch.EventsAsync(2);
        Assert.All(events, e => Assert.Equal(WatchEventType.Put, e.Type));
        Assert.Equal(["1", "2"], events.Select(e => e.Kv.ValueString));
    }

    [Fact]
    public async Task PrevKv_DeliversThePreviousValue()
    {
        await Client.PutAsync(Key("k"), "old");
        await using var with = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { PrevKv = true });
        await using var without = await WatchRecorder.StartAsync(Client, Key("k"));

        await Client.PutAsync(Key("k"), "new");

        Assert.Equal("old", Assert.Single((await with.NextAsync()).Events).PrevKv?.ValueString);
        Assert.Null(Assert.Single((await without.NextAsync()).Events).PrevKv);
    }

    [Fact]
    public async Task WatchId_IsUsedOnTheStream()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { WatchId = 4242 });

        await Client.PutAsync(Key("k"), "v");

        Assert.Equal(4242, (await watch.NextAsync()).WatchId);
    }

    [Fact]
    public async Task CreatedNotify_DeliversTheCreationFirst_AndOnlyWhenAsked()
    {
        await using var notified = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { CreatedNotify = true }, waitForCreated: false);
        var created = await notified.NextAsync();
        Assert.True(created.Created);
        Assert.Empty(created.Events);

        // Start from a known revision so the event is certain to come; without CreatedNotify it must come first.
        var put = await Client.PutAsync(Key("k"), "v");
        await using var silent = await WatchRecorder.StartAsync(Client, Key("k"), new WatchOptions { StartRevision = put.Header.Revision }, waitForCreated: false);

        var first = await silent.NextAsync();
        Assert.False(first.Created);
        Assert.Equal(put.Header.Revision, Assert.Single(first.Events).Kv.ModRevision);
    }

    [Fact]
    public async Task CancellingTheEnumeration_CancelsTheWatchOnTheServer()
    {
        await using var watch = await WatchRecorder.StartAsync(Client, Key("k"));
        var before = await EtcdMetrics.ReadAsync(Cluster.Members[0].MetricsUrl, "etcd_debugging_mvcc_watcher_total");

        await watch.DisposeAsync();

        // At most: a cancel of an earlier test's watch may land meanwhile too.
        await Eventually.TrueAsync(async () => await EtcdMetrics.ReadAsync(Cluster.Members[0].MetricsUrl, "etcd_debugging_mvcc_watcher_total") <= before - 1);
    }

    [Fact]
    public async Task EmptyKeyWithoutRange_FailsFast()
        => Assert.Throws<ArgumentException>(() => Client.WatchAsync(""));
}
