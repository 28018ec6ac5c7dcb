using System.Diagnostics;

namespace EtcdNet.Concurrency.Tests;

/// <summary><see cref="EtcdPriorityQueue"/> on a real one-member cluster.</summary>
public sealed class RecipePriorityQueueTests(ITestOutputHelper output) : RecipeTestCluster(output)
{
    private static readonly ushort[] Priorities = [7, 0, 65535, 3, 7, 0, 100, 3];

    [Fact]
    public async Task SingleConsumer_GetsPriorityOrder_FifoWithinAPriority()
    {
        const int Items = 64;
        var prefix = UniqueName("pq");
        await using var producer = CreateClient();
        await using var consumer = CreateClient();
        var queue = new EtcdPriorityQueue(producer, prefix);
        var sent = new List<(ushort Priority, string Value)>();
        for (var i = 0; i < Items; i++)
        {
            var priority = Priorities[(i * 5 + i / 8) % Priorities.Length];
            var value = $"{priority}:{i:D3}";
            await queue.EnqueueAsync(value, priority);
            sent.Add((priority, value));
        }

        var reader = new EtcdPriorityQueue(consumer, prefix);
        var got = new List<string>();
        for (var i = 0; i < Items; i++)
        {
            got.Add(await Within(reader.DequeueAsync(), 10));
        }

        // OrderBy is stable: within a priority, the enqueue order.
        Assert.Equal(sent.OrderBy(s => s.Priority).Select(s => s.Value), got);
        Assert.Equal(0, (await consumer.GetAsync(prefix + "/", new GetOptions { Prefix = true, CountOnly = true })).Count);
    }

    [Fact]
    public async Task Keys_FollowGosLayout()
    {
        var prefix = UniqueName("pq");
        await using var client = CreateClient();
        var queue = new EtcdPriorityQueue(client, prefix);
        Assert.Equal(prefix + "/00003/0000000000000000", await queue.EnqueueAsync("a", 3));
        Assert.Equal(prefix + "/00003/0000000000000001", await queue.EnqueueAsync("b", 3));
        Assert.Equal(prefix + "/65535/0000000000000000", await queue.EnqueueAsync("c", ushort.MaxValue));
        Assert.Single((await client.GetAsync("__" + prefix + "/00003")).Kvs);
    }

    [Fact]
    public async Task ConcurrentProducersAndConsumers_EveryItemOnce_FifoPerProducerAndPriority()
    {
        const int Producers = 3, Consumers = 3, Items = 60, Total = Producers * Items;
        var prefix = UniqueName("pq");
        var clock = Stopwatch.StartNew();
        using var done = new CancellationTokenSource();
        var perConsumer = Enumerable.Range(0, Consumers).Select(_ => new List<string>()).ToArray();

        var consumers = StartConsumers(Consumers, Total, client => new EtcdPriorityQueue(client, prefix).DequeueAsync, done, perConsumer);

        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            await using var client = CreateClient();
            var queue = new EtcdPriorityQueue(client, prefix);
            for (var i = 0; i < Items; i++)
            {
                var priority = Priorities[(i + p) % Priorities.Length];
                await queue.EnqueueAsync($"{p}/{priority}:{i:D3}", priority);
            }
        })).ToList();

        await Within(Task.WhenAll(producers.Concat(consumers)), 90);
        Output.WriteLine($"{Total} items through {Consumers} consumers in {clock.ElapsedMilliseconds} ms; per consumer: {string.Join(", ", perConsumer.Select(l => l.Count))}.");

        var all = perConsumer.SelectMany(l => l).ToList();
        Assert.Equal(Total, all.Count);
        Assert.Equal(Total, all.Distinct().Count());
        foreach (var items in perConsumer)
        {
            foreach (var group in items.GroupBy(v => v[..v.IndexOf(':', StringComparison.Ordinal)]))
            {
                Assert.Equal(group.Order(StringComparer.Ordinal), group);
            }
        }
    }
}
