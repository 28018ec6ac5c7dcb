using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Watch options and behaviours that need a cluster of their own (server flags, compaction, failures).</summary>
public sealed class WatchServerOptionTests(ITestOutputHelper output)
{
    private async Task<EtcdCluster> StartAsync(int members = 1, params string[] flags)
        => await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = members, ExtraArguments = flags });

    [Fact]
    public async Task ProgressNotify_SendsProgressWhileIdle_OnlyWhenAsked()
    {
        await using var cluster = await StartAsync(1, "--experimental-watch-progress-notify-interval=200ms");
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        await using var silent = await WatchRecorder.StartAsync(client, "k");
        await using var notified = await WatchRecorder.StartAsync(client, "k", new WatchOptions { ProgressNotify = true });
        var put = await client.PutAsync("other", "v");

        var progress = await notified.NextAsync();
        while (progress.Header.Revision < put.Header.Revision)
        {
            progress = await notified.NextAsync();
        }

        Assert.True(progress.IsProgressNotify);
        Assert.Empty(progress.Events);
        Assert.Null(await silent.TryNextAsync(TimeSpan.FromSeconds(1))); // five intervals, nothing
        output.WriteLine(cluster.RecentLogs());
    }

    [Fact]
    public async Task RequestProgress_NotifiesEveryWatch_WithTheRevisionItHasReached()
    {
        await using var cluster = await StartAsync();
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        await using var a = await WatchRecorder.StartAsync(client, "a");
        await using var b = await WatchRecorder.StartAsync(client, "b");
        var put = await client.PutAsync("a", "v");
        Assert.Equal(put.Header.Revision, Assert.Single((await a.NextAsync()).Events).Kv.ModRevision);
        await client.PutAsync("c", "v");

        await client.RequestProgressAsync();

        // A bookmark: each watch hears the revision it has certainly delivered everything through (etcd 3.4's
        // stream-wide reply carries the store's revision even while older events are still on their way).
        var progressA = await a.NextAsync();
        Assert.True(progressA.IsProgressNotify);
        Assert.Equal(put.Header.Revision, progressA.Header.Revision);
        var progressB = await b.NextAsync();
        Assert.True(progressB.IsProgressNotify);
        Assert.True(progressB.Header.Revision < put.Header.Revision, "b was created before the put and has delivered nothing since");
    }

    [Fact]
    public async Task Fragment_LargeCatchUpArrivesWholeAndInOrder()
    {
        // The default --max-request-bytes is 1.5 MiB; ten 1 MiB values make a 10 MiB catch-up response.
        await using var cluster = await StartAsync(1, "--max-request-bytes=1572864");
        var fourMiB = 4 * 1024 * 1024; // unsplit, the catch-up would exceed the client's receive limit
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls, MaxReceiveMessageSize = fourMiB });
        var revisions = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var value = new byte[1024 * 1024];
            Array.Fill(value, (byte)('a' + i));
            revisions.Add((await client.PutAsync($"big/{i}", value)).Header.Revision);
        }

        await using var watch = await WatchRecorder.StartAsync(client, "big/", new WatchOptions { Prefix = true, StartRevision = 1, Fragment = true });
        var events = await watch.EventsAsync(10, TimeSpan.FromSeconds(30));

        Assert.Equal(revisions, events.Select(e => e.Kv.ModRevision));
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1024 * 1024, events[i].Kv.Value.Length);
            Assert.All(events[i].Kv.Value.ToArray(), b => Assert.Equal((byte)('a' + i), b));
        }
    }

    [Fact]
    public async Task CompactedStartRevision_EndsTheWatchWithTheCompactRevision()
    {
        await using var cluster = await StartAsync();
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        var old = await client.PutAsync("k", "1");
        var latest = await client.PutAsync("k", "2");
        await client.CompactAsync(latest.Header.Revision);

        await using var watch = await WatchRecorder.StartAsync(client, "k", new WatchOptions { StartRevision = old.Header.Revision }, waitForCreated: false);
        var error = await Assert.ThrowsAsync<EtcdCompactedException>(() => watch.Completion);

        Assert.Equal(latest.Header.Revision, error.CompactRevision);
    }

    [Fact]
    public async Task ThousandWatches_ShareOneStream_AndLeaveNoWatcherOnTheServer()
    {
        await using var cluster = await StartAsync();
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        var metrics = cluster.Members[0].MetricsUrl;
        var watchersBefore = await EtcdMetrics.ReadAsync(metrics, "etcd_debugging_mvcc_watcher_total");

        var watches = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => WatchRecorder.StartAsync(client, $"w/{i}")));
        Assert.Equal(watchersBefore + 1000, await EtcdMetrics.ReadAsync(metrics, "etcd_debugging_mvcc_watcher_total"));
        Assert.Equal(1, await EtcdMetrics.ReadAsync(metrics, "etcd_debugging_mvcc_watch_stream_total"));
        Assert.Equal(1, client.WatchInternals.PlainStream.StreamsOpened);

        await Task.WhenAll(watches.Select(w => w.DisposeAsync().AsTask()));

        await Eventually.TrueAsync(async () => await EtcdMetrics.ReadAsync(metrics, "etcd_debugging_mvcc_watcher_total") == watchersBefore,
            because: "every cancelled watch is removed on the server");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)] // a user-chosen ID must not let the cancelled watch's leftovers in after a re-create
    public async Task SlowConsumer_BufferStaysBounded_AndNoEventIsLostOrRepeated(long watchId)
    {
        await using var cluster = await StartAsync();
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        const int puts = 300;
        var seen = new List<long>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var enumerator = client.WatchAsync("slow/", new WatchOptions { Prefix = true, BufferSize = 8, CreatedNotify = true, WatchId = watchId }, cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.True(enumerator.Current.Created);

        var written = new List<long>();
        for (var i = 0; i < puts; i++)
        {
            written.Add((await client.PutAsync($"slow/{i:D4}", "v")).Header.Revision); // nobody reads meanwhile
        }

        while (seen.Count < puts && await enumerator.MoveNextAsync())
        {
            seen.AddRange(enumerator.Current.Events.Select(e => e.Kv.ModRevision));
            if (watchId != 0)
            {
                Assert.Equal(watchId, enumerator.Current.WatchId);
            }
        }

        await enumerator.DisposeAsync();
        Assert.Equal(written, seen);
        Assert.True(client.WatchInternals.PlainStream.Overflows > 0, "the buffer of 8 must have overflowed");
    }

    [Fact]
    public async Task OversizedWatchCreate_FailsFast_AndDoesNotBlockOtherWatches()
    {
        await using var cluster = await StartAsync();
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls, MaxSendMessageSize = 1024 });

        Assert.Throws<EtcdRequestTooLargeException>(() => client.WatchAsync(new string('k', 2000)));
        await using var small = await WatchRecorder.StartAsync(client, "small");
        var put = await client.PutAsync("small", "v");

        Assert.Equal(put.Header.Revision, Assert.Single((await small.NextAsync()).Events).Kv.ModRevision);
    }
}
