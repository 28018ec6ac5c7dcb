using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>EtcdMirror and MirrorSyncer on one cluster: a source prefix mirrored under another prefix of the same cluster.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class MirrorTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    [Fact]
    public async Task BaseCopyThenChanges_ArriveUnderTheDestinationPrefix_DeletesIncluded()
    {
        var source = Key("src/");
        var target = Key("copy/");
        for (var i = 0; i < 25; i++)
        {
            await Client.PutAsync($"{source}k{i:D2}", $"base-{i}");
        }

        var options = new MirrorOptions { Prefix = source, DestinationPrefix = target };
        using var stop = new CancellationTokenSource();
        var mirror = EtcdMirror.RunAsync(Client, Client, options, stop.Token);

        await Client.PutAsync($"{source}k00", "changed");
        await Client.DeleteAsync($"{source}k01");
        await Client.Txn().Then(Op.Put($"{source}t1", "a"), Op.Put($"{source}t2", "b")).CommitAsync();

        var expected = new Dictionary<string, string>();
        for (var i = 2; i < 25; i++)
        {
            expected[$"k{i:D2}"] = $"base-{i}";
        }

        expected["k00"] = "changed";
        expected["t1"] = "a";
        expected["t2"] = "b";
        var destinationPrefix = target;
        await Eventually.TrueAsync(async () => Same(expected, await ReadAsync(destinationPrefix)), TimeSpan.FromSeconds(15), "the destination to match the source");

        // The transaction's two puts were applied together: one revision at the destination.
        var copied = await Client.GetAsync(destinationPrefix + "t", new GetOptions { Prefix = true });
        Assert.Equal(copied.Kvs[0].ModRevision, copied.Kvs[1].ModRevision);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mirror);
    }

    [Fact]
    public async Task BaseCopy_IsPagedAtOneRevision_WhileWritesGoOn()
    {
        var source = Key("paged/");
        for (var i = 0; i < 30; i++)
        {
            await Client.PutAsync($"{source}{i:D2}", "before");
        }

        var syncer = new MirrorSyncer(Client, source, pageSize: 7);
        var pages = 0;
        var keys = new List<string>();
        await foreach (var page in syncer.SyncBaseAsync())
        {
            pages++;
            keys.AddRange(page.Kvs.Select(kv => kv.KeyString));
            Assert.All(page.Kvs, kv => Assert.Equal("before", kv.ValueString));
            await Client.PutAsync($"{source}{pages:D2}", "after"); // later revisions never show in the base copy
            await Client.PutAsync($"{source}zz{pages}", "new");
        }

        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"{source}{i:D2}"), keys);

        // The updates start right after the base revision: every write made during the copy, in order.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var changes = new List<string>();
        await foreach (var response in syncer.SyncUpdatesAsync(stop.Token))
        {
            changes.AddRange(response.Events.Select(e => $"{e.Kv.KeyString}={e.Kv.ValueString}"));
            if (changes.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 5).SelectMany(p => new[] { $"{source}{p:D2}=after", $"{source}zz{p}=new" }), changes);
    }

    [Fact]
    public async Task ASourceCompactedPastTheBase_EndsTheMirror_WithCompacted()
    {
        var source = Key("compacted/");
        var first = await Client.PutAsync($"{source}a", "1");
        var latest = await Client.PutAsync($"{source}a", "2");
        await Client.CompactAsync(latest.Header.Revision);

        var syncer = new MirrorSyncer(Client, source, revision: first.Header.Revision);
        await Assert.ThrowsAsync<EtcdCompactedException>(async () =>
        {
            await foreach (var page in syncer.SyncBaseAsync())
            {
                _ = page;
            }
        });
        await Assert.ThrowsAsync<EtcdCompactedException>(() => EtcdMirror.RunAsync(Client, Client, new MirrorOptions { Prefix = source, DestinationPrefix = Key("never/"), Revision = first.Header.Revision }));
    }

    [Fact]
    public void BadArguments_AreRejectedAtOnce()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MirrorSyncer(Client, "x", revision: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MirrorSyncer(Client, "x", pageSize: 0));
        Assert.Throws<InvalidOperationException>(() => new MirrorSyncer(Client, "x").SyncUpdatesAsync());
    }

    private async Task<Dictionary<string, string>> ReadAsync(string prefix)
        => (await Client.GetAsync(prefix, new GetOptions { Prefix = true })).Kvs.ToDictionary(kv => kv.KeyString[prefix.Length..], kv => kv.ValueString);

    private static bool Same(Dictionary<string, string> expected, Dictionary<string, string> actual)
        => expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && v == e.Value);
}
