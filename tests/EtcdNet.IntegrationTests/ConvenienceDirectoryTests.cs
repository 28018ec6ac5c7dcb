using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>ReadDirAsync / WatchDirAsync / RemoveDirAsync (the Lua client's readdir / watchdir / rmdir) against real etcd.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class ConvenienceDirectoryTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    /// <summary>dir/a=3, dir/b=1, dir/c=2 and dir/sub/d=0, plus neighbours that are not in the directory.</summary>
    private async Task<long> FillAsync()
    {
        await Client.PutAsync(Key("dir"), "the dir key itself");
        await Client.PutAsync(Key("dir/c"), "2");
        await Client.PutAsync(Key("dir/a"), "3");
        await Client.PutAsync(Key("dir/b"), "1");
        var last = await Client.PutAsync(Key("dir/sub/d"), "0");
        await Client.PutAsync(Key("dirt"), "not in dir");
        await Client.PutAsync(Key("other/x"), "not in dir");
        return last.Header.Revision;
    }

    private static string[] Names(GetResponse response, string prefix) => response.Kvs.Select(kv => kv.KeyString[prefix.Length..]).ToArray();

    [Fact]
    public async Task ReadDir_ReadsEveryKeyUnderTheDirectoryOnly_WithOrWithoutTrailingSlash()
    {
        await FillAsync();

        var withoutSlash = await Client.ReadDirAsync(Key("dir"));
        var withSlash = await Client.ReadDirAsync(Key("dir/"));

        Assert.Equal(["dir/a", "dir/b", "dir/c", "dir/sub/d"], Names(withoutSlash, Prefix));
        Assert.Equal(Names(withoutSlash, Prefix), Names(withSlash, Prefix));
        Assert.Equal(4, withoutSlash.Count);
        Assert.Equal("3", withoutSlash.Kvs[0].ValueString);
    }

    [Fact]
    public async Task ReadDir_Limit()
    {
        await FillAsync();

        var limited = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { Limit = 2 });

        Assert.Equal(["dir/a", "dir/b"], Names(limited, Prefix));
        Assert.True(limited.More);
        Assert.Equal(4, limited.Count);
    }

    [Fact]
    public async Task ReadDir_SortTargetAndOrder()
    {
        await FillAsync();

        var byValue = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { SortTarget = SortTarget.Value, SortOrder = SortOrder.Ascend });
        var byKeyDescending = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { SortTarget = SortTarget.Key, SortOrder = SortOrder.Descend });
        var byCreation = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { SortTarget = SortTarget.CreateRevision, SortOrder = SortOrder.Ascend });

        Assert.Equal(["0", "1", "2", "3"], byValue.Kvs.Select(kv => kv.ValueString));
        Assert.Equal(["dir/sub/d", "dir/c", "dir/b", "dir/a"], Names(byKeyDescending, Prefix));
        Assert.Equal(["dir/c", "dir/a", "dir/b", "dir/sub/d"], Names(byCreation, Prefix));
    }

    [Fact]
    public async Task ReadDir_KeysOnlyAndCountOnly()
    {
        await FillAsync();

        var keysOnly = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { KeysOnly = true });
        var countOnly = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { CountOnly = true });

        Assert.Equal(["dir/a", "dir/b", "dir/c", "dir/sub/d"], Names(keysOnly, Prefix));
        Assert.All(keysOnly.Kvs, kv => Assert.True(kv.Value.IsEmpty));
        Assert.Empty(countOnly.Kvs);
        Assert.Equal(4, countOnly.Count);
    }

    [Fact]
    public async Task ReadDir_Revision_ReadsThePast()
    {
        var revision = await FillAsync();
        await Client.PutAsync(Key("dir/a"), "changed");
        await Client.PutAsync(Key("dir/e"), "added");

        var past = await Client.ReadDirAsync(Key("dir"), new ReadDirOptions { Revision = revision });
        var now = await Client.ReadDirAsync(Key("dir"));

        Assert.Equal(["dir/a", "dir/b", "dir/c", "dir/sub/d"], Names(past, Prefix));
        Assert.Equal("3", past.Kvs[0].ValueString);
        Assert.Equal(5, now.Count);
        Assert.Equal("changed", now.Kvs[0].ValueString);
    }

    [Fact]
    public async Task WatchDir_ReceivesEventsUnderTheDirectoryOnly()
    {
        await using var watch = await WatchRecorder.StartAsync(new DirWatch(Client), Key("dir"));

        await Client.PutAsync(Key("dir"), "not under dir/");
        await Client.PutAsync(Key("dirt"), "not under dir/");
        await Client.PutAsync(Key("dir/a"), "1");
        await Client.PutAsync(Key("other/a"), "not under dir/");
        await Client.PutAsync(Key("dir/sub/b"), "2");
        await Client.DeleteAsync(Key("dir/a"));

        var events = await watch.EventsAsync(3);
        Assert.Equal(
            [(WatchEventType.Put, "dir/a"), (WatchEventType.Put, "dir/sub/b"), (WatchEventType.Delete, "dir/a")],
            events.Select(e => (e.Type, e.Kv.KeyString[Prefix.Length..])));
        Assert.Null(await watch.TryNextAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task WatchDir_PassesTheOtherOptionsOn_AndRejectsARangeOfItsOwn()
    {
        var start = await FillAsync();

        await using var watch = await WatchRecorder.StartAsync(new DirWatch(Client), Key("dir"), new WatchOptions { StartRevision = start, PrevKv = true, NoDelete = true });
        await Client.DeleteAsync(Key("dir/b"));
        await Client.PutAsync(Key("dir/c"), "changed");

        var events = await watch.EventsAsync(2);
        Assert.Equal(["dir/sub/d", "dir/c"], events.Select(e => e.Kv.KeyString[Prefix.Length..]));
        Assert.Equal("2", events[1].PrevKv?.ValueString);
        Assert.Throws<ArgumentException>(() => Client.WatchDirAsync(Key("dir"), new WatchOptions { FromKey = true }));
        Assert.Throws<ArgumentException>(() => Client.WatchDirAsync(Key("dir"), new WatchOptions { RangeEnd = "z" }));
        Assert.Throws<ArgumentException>(() => Client.WatchDirAsync(EtcdBytes.Empty));
    }

    [Fact]
    public async Task RemoveDir_DeletesOnlyTheDirectorysKeys_AndReportsTheCount()
    {
        await FillAsync();

        var removed = await Client.RemoveDirAsync(Key("dir"));
        var again = await Client.RemoveDirAsync(Key("dir/"), prevKv: true);

        Assert.Equal(4, removed.Deleted);
        Assert.Empty(removed.PrevKvs);
        Assert.Equal(0, again.Deleted);
        var left = await Client.GetAsync(Prefix, new GetOptions { Prefix = true });
        Assert.Equal(["dir", "dirt", "other/x"], Names(left, Prefix));
    }

    [Fact]
    public async Task RemoveDir_PrevKv_ReturnsTheDeletedKeyValues()
    {
        await FillAsync();

        var removed = await Client.Kv.RemoveDirAsync(Key("dir/sub"), prevKv: true);

        Assert.Equal(1, removed.Deleted);
        Assert.Equal("0", Assert.Single(removed.PrevKvs).ValueString);
        await Assert.ThrowsAsync<ArgumentException>(() => Client.RemoveDirAsync(EtcdBytes.Empty));
    }

    /// <summary>Lets <see cref="WatchRecorder"/> drive WatchDirAsync: its key is the directory.</summary>
    private sealed class DirWatch(IWatchClient watch) : IWatchClient
    {
        public IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default)
            => watch.WatchDirAsync(key, options, cancellationToken);

        public Task RequestProgressAsync(CancellationToken cancellationToken = default) => watch.RequestProgressAsync(cancellationToken);
    }
}
