using System.Diagnostics;
using EtcdNet.Testing;

namespace EtcdNet.Benchmarks;

/// <summary>
/// Watch measurements against a real local etcd (not BenchmarkDotNet: they need a server):
/// client memory per idle watch, and events per second delivered to 1 and to N watchers.
/// </summary>
public static class WatchScale
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        await using var client = new EtcdClient(cluster.ClientUrls.ToArray());
        switch (args[0])
        {
            case "watch-memory":
                await MemoryPerIdleWatchAsync(client, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
                break;
            case "watch-throughput":
                foreach (var watchers in args.Length > 1 ? args[1..].Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)) : [1, 100])
                {
                    await EventsPerSecondAsync(client, watchers, txns: 500, putsPerTxn: 100);
                }

                break;
            default:
                Console.Error.WriteLine($"unknown mode {args[0]}");
                return 2;
        }

        return 0;
    }

    private static async Task MemoryPerIdleWatchAsync(EtcdClient client, int count)
    {
        await WarmUpAsync(client);
        var before = SettledMemory();
        var cts = new CancellationTokenSource();
        var enumerators = new List<IAsyncEnumerator<WatchResponse>>(count);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var e = client.WatchAsync($"idle/{i}", new WatchOptions { CreatedNotify = true }, cts.Token).GetAsyncEnumerator(cts.Token);
            enumerators.Add(e);
        }

        // Wait until every watch is confirmed by the server, then leave each one waiting for its next
        // response, as an idle consumer would.
        await Task.WhenAll(enumerators.Select(e => e.MoveNextAsync().AsTask()));
        var created = watch.Elapsed;
        var pending = enumerators.Select(e => e.MoveNextAsync()).ToList();
        var after = SettledMemory();
        GC.KeepAlive(pending);
        var perWatch = (after - before) / (double)count;
        Console.WriteLine($"RESULT watch-memory watches={count} created_in_s={created.TotalSeconds:0.00} managed_bytes_total={after - before} managed_bytes_per_watch={perWatch:0} streams={client.WatchInternals.PlainStream.StreamsOpened}");

        await cts.CancelAsync();
        foreach (var e in enumerators)
        {
            try
            {
                await e.DisposeAsync();
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task EventsPerSecondAsync(EtcdClient client, int watchers, int txns, int putsPerTxn)
    {
        var prefix = $"tp{watchers}/";
        var expected = txns * putsPerTxn;
        using var cts = new CancellationTokenSource();
        var ready = new List<Task>();
        var counters = new long[watchers];
        var done = new TaskCompletionSource();
        var remaining = watchers;
        var readers = new List<Task>();
        for (var w = 0; w < watchers; w++)
        {
            var index = w;
            var created = new TaskCompletionSource();
            ready.Add(created.Task);
            readers.Add(Task.Run(async () =>
            {
                await foreach (var response in client.WatchAsync(prefix, new WatchOptions { Prefix = true, CreatedNotify = true }, cts.Token))
                {
                    if (response.Created)
                    {
                        created.TrySetResult();
                        continue;
                    }

                    counters[index] += response.Events.Count;
                    if (counters[index] >= expected)
                    {
                        if (Interlocked.Decrement(ref remaining) == 0)
                        {
                            done.TrySetResult();
                        }

                        break;
                    }
                }
            }));
        }

        await Task.WhenAll(ready);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var t = 0; t < txns; t++)
        {
            var ops = Enumerable.Range(0, putsPerTxn).Select(i => Op.Put($"{prefix}{t:D4}/{i:D3}", "v")).ToArray();
            await client.Txn().Then(ops).CommitAsync();
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        Report("live", watchers, expected, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
        await cts.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await CatchUpAsync(client, prefix, watchers, expected);
    }

    /// <summary>The same events replayed from history: delivery is no longer paced by the writer.</summary>
    private static async Task CatchUpAsync(EtcdClient client, string prefix, int watchers, int expected)
    {
        var first = (await client.GetAsync(prefix, GetOptions.FirstRev)).Kvs[0].ModRevision;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, watchers).Select(_ => Task.Run(async () =>
        {
            var seen = 0;
            await foreach (var response in client.WatchAsync(prefix, new WatchOptions { Prefix = true, StartRevision = first }))
            {
                seen += response.Events.Count;
                if (seen >= expected)
                {
                    break;
                }
            }
        })));
        Report("catch-up", watchers, expected, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    private static void Report(string kind, int watchers, int perWatcher, TimeSpan elapsed, TimeSpan cpu)
    {
        var delivered = (long)perWatcher * watchers;
        Console.WriteLine($"RESULT watch-throughput {kind} watchers={watchers} events_per_watcher={perWatcher} seconds={elapsed.TotalSeconds:0.00} delivered_events_per_s={delivered / elapsed.TotalSeconds:0} client_cpu_s={cpu.TotalSeconds:0.00} client_cpu_us_per_event={cpu.TotalMilliseconds * 1000 / delivered:0.00}");
    }

    private static async Task WarmUpAsync(EtcdClient client)
    {
        await client.PutAsync("warm", "up");
        await foreach (var r in client.WatchAsync("warm", new WatchOptions { CreatedNotify = true }))
        {
            break;
        }
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
