using System.Collections.Concurrent;
using System.Diagnostics;

namespace EtcdNet.Concurrency.Tests;

/// <summary><see cref="EtcdQueue"/> on a real one-member cluster.</summary>
public sealed class RecipeQueueTests(ITestOutputHelper output) : RecipeTestCluster(output)
{
    [Fact]
    public async Task ThreeProducers_ThreeConsumers_EveryItemOnce_AndEachProducersItemsInOrder()
    {
        const int Producers = 3, Consumers = 3, Items = 100, Total = Producers * Items;
        var prefix = UniqueName("queue");
        var clock = Stopwatch.StartNew();
        using var done = new CancellationTokenSource();
        var perConsumer = Enumerable.Range(0, Consumers).Select(_ => new List<string>()).ToArray();

        // Consumers start first, on an empty queue, so some of them take the watch path.
        var consumers = StartConsumers(Consumers, Total, client => new EtcdQueue(client, prefix).DequeueAsync, done, perConsumer);

        await Task.Delay(300);
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            await using var client = CreateClient();
            var queue = new EtcdQueue(client, prefix);
            for (var i = 0; i < Items; i++)
            {
                await queue.EnqueueAsync($"{p}:{i:D3}");
            }
        })).ToList();

        await Within(Task.WhenAll(producers.Concat(consumers)), 90);
        Output.WriteLine($"{Total} items through {Consumers} consumers in {clock.ElapsedMilliseconds} ms; per consumer: {string.Join(", ", perConsumer.Select(l => l.Count))}.");

        var all = perConsumer.SelectMany(l => l).ToList();
        Assert.Equal(Total, all.Count);
        var expected = Enumerable.Range(0, Producers).SelectMany(p => Enumerable.Range(0, Items).Select(i => $"{p}:{i:D3}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        foreach (var items in perConsumer)
        {
            foreach (var group in items.GroupBy(v => v[..v.IndexOf(':', StringComparison.Ordinal)]))
            {
                Assert.Equal(group.Order(StringComparer.Ordinal), group);
            }
        }

        await using var check = CreateClient();
        Assert.Equal(0, (await check.GetAsync(prefix + "/", new GetOptions { Prefix = true, CountOnly = true })).Count);
    }

    [Fact]
    public async Task SingleConsumer_GetsFifoOrder_AndKeysFollowGosSequentialLayout()
    {
        var prefix = UniqueName("queue");
        await using var client = CreateClient();
        var queue = new EtcdQueue(client, prefix);

        Assert.Equal(prefix + "/0000000000000000", await queue.EnqueueAsync("a"));
        Assert.Equal(prefix + "/0000000000000001", await queue.EnqueueAsync("b"));
        Assert.Equal(prefix + "/0000000000000002", await queue.EnqueueAsync("c"));
        Assert.Single((await client.GetAsync("__" + prefix)).Kvs);

        Assert.Equal("a", await Within(queue.DequeueAsync(), 10));
        var item = await Within(queue.DequeueItemAsync(), 10);
        Assert.Equal(prefix + "/0000000000000001", item.KeyString);
        Assert.Equal("b", item.ValueString);
        Assert.Equal(prefix + "/0000000000000003", await queue.EnqueueAsync("d"));
        Assert.Equal("c", await Within(queue.DequeueAsync(), 10));
        Assert.Equal("d", await Within(queue.DequeueAsync(), 10));

        var waiting = queue.DequeueAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await new EtcdQueue(client, prefix).EnqueueAsync("e");
        Assert.Equal("e", await Within(waiting, 10));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.DequeueAsync(cts.Token));
    }

    [Fact]
    public async Task ItemsOfAnotherQueueWhosePrefixExtendsThisOne_AreNotTaken()
    {
        var prefix = UniqueName("queue");
        await using var client = CreateClient();
        await new EtcdQueue(client, prefix + "x").EnqueueAsync("other");
        await new EtcdQueue(client, prefix).EnqueueAsync("mine");
        Assert.Equal("mine", await Within(new EtcdQueue(client, prefix).DequeueAsync(), 10));
        Assert.Equal("other", await Within(new EtcdQueue(client, prefix + "x").DequeueAsync(), 10));
    }
}
