using System.Diagnostics;
using System.Globalization;

namespace EtcdNet.HotPaths;

/// <summary>
/// One client; N watchers on one prefix, created before the writes; one writer on the same client. A first round is
/// not measured; the second is measured from its first write until every watcher has seen every event.
/// </summary>
internal static class WatchFanOut
{
    public static async Task<HotResult> RunAsync(HotArgs args)
    {
        await using var client = args.NewClient();
        var prefix = $"{args.Prefix}fanout-{DateTime.UtcNow.Ticks}/";
        using var stop = new CancellationTokenSource();
        var counts = new long[args.Watchers];
        var round = new Round(args.Watchers, (long)args.WarmupTxns * args.Puts);
        var created = new List<Task>();
        var readers = new List<Task>();
        for (var w = 0; w < args.Watchers; w++)
        {
            var index = w;
            var confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            created.Add(confirmed.Task);
            readers.Add(Task.Run(async () =>
            {
                await foreach (var response in client.WatchAsync(prefix, new WatchOptions { Prefix = true, CreatedNotify = true }, stop.Token))
                {
                    if (response.Created)
                    {
                        confirmed.TrySetResult();
                        continue;
                    }

                    var n = Interlocked.Add(ref counts[index], response.Events.Count);
                    Volatile.Read(ref round).Count(n, response.Events.Count);
                }
            }));
        }

        await Task.WhenAll(created);
        await WriteAsync(client, prefix, 0, args.WarmupTxns, args.Puts, round);

        Volatile.Write(ref round, new Round(args.Watchers, (long)(args.WarmupTxns + args.Txns) * args.Puts));
        var cpu0 = ProcessCpu.Seconds();
        var start = Stopwatch.GetTimestamp();
        await WriteAsync(client, prefix, 1, args.Txns, args.Puts, round);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = ProcessCpu.Seconds() - cpu0;

        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await client.DeleteAsync(prefix, new DeleteOptions { Prefix = true });
        var delivered = (long)args.Watchers * args.Txns * args.Puts;
        return new HotResult
        {
            Watchers = args.Watchers,
            Events = delivered,
            EventsPerSecond = delivered / elapsed,
            CpuMicrosecondsPerEvent = cpu * 1e6 / delivered,
            Seconds = elapsed,
            CpuSeconds = cpu,
        };
    }

    private static async Task WriteAsync(EtcdClient client, string prefix, int round, int txns, int puts, Round target)
    {
        var value = new string('v', 16);
        for (var t = 0; t < txns; t++)
        {
            var ops = new Op[puts];
            for (var i = 0; i < puts; i++)
            {
                ops[i] = Op.Put(string.Create(CultureInfo.InvariantCulture, $"{prefix}r{round}/{t:D4}/{i:D3}"), value);
            }

            await client.Txn().Then(ops).CommitAsync();
        }

        await target.Done.WaitAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>Completes when every watcher's running count has crossed the round's target.</summary>
    private sealed class Round(int watchers, long target)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = watchers;

        public Task Done => _done.Task;

        public void Count(long total, int added)
        {
            if (total >= target && total - added < target && Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
