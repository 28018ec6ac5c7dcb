using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Bench;

/// <summary>
/// The watch benchmarks. <c>--streams</c> clients (each its own connection and watch stream) carry
/// <c>--watchers</c> watchers each; watcher j watches key j % key space. Phase one times watch creation (until the
/// server confirms it); phase two puts <c>--put-total</c> keys and times each event from the put's start to its
/// arrival at a watcher.
/// </summary>
internal sealed class WatchBench(WatchBenchSettings settings, CliConsole console)
{
    private static readonly TimeSpan EventGrace = TimeSpan.FromSeconds(10);

    private long _received;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(EtcdClientOptions options, IReadOnlyList<EtcdClient> putConnections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(putConnections);
        var keys = Enumerable.Range(0, settings.KeySpace)
            .Select(i => Encoding.UTF8.GetBytes(settings.Prefix + i.ToString("D8", CultureInfo.InvariantCulture)))
            .ToArray();
        var watchersPerKey = new int[settings.KeySpace];
        var streams = Enumerable.Range(0, settings.Streams).Select(_ => new EtcdClient(options)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consumers = new List<Task>();
        try
        {
            var events = new LatencyHistogram();
            var creationResult = await CreateWatchersAsync(streams, keys, watchersPerKey, consumers, events, stop.Token, cancellationToken);
            var put = new WatchPutOperation(keys, settings.ValueSize, new KeyChooser(settings.PutClients, settings.KeySpace, settings.SequentialKeys), watchersPerKey);
            var (putResult, eventResult) = await PutAndAwaitEventsAsync(put, putConnections, events, cancellationToken);
            return settings.ReportCreation ? [creationResult, putResult, eventResult] : [putResult, eventResult];
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }

            try
            {
                await Task.WhenAll(consumers);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                // The watches end with the streams.
            }
        }
    }

    /// <summary>Phase one: creates the watchers, streams in parallel, one at a time per stream; times each creation.</summary>
    private async Task<BenchResult> CreateWatchersAsync(
        EtcdClient[] streams, byte[][] keys, int[] watchersPerKey, List<Task> consumers, LatencyHistogram events, CancellationToken stop, CancellationToken cancellationToken)
    {
        var creation = new LatencyHistogram();
        var cpu0 = ProcessCpu.Total();
        var start = Stopwatch.GetTimestamp();
        var chooser = new KeyChooser(1, settings.KeySpace, settings.SequentialKeys);
        var keyOf = new int[settings.Streams * settings.WatchersPerStream];
        for (var i = 0; i < keyOf.Length; i++)
        {
            keyOf[i] = (int)chooser.Next(0, i);
            watchersPerKey[keyOf[i]]++;
        }

        await Task.WhenAll(Enumerable.Range(0, settings.Streams).Select(async s =>
        {
            for (var j = 0; j < settings.WatchersPerStream; j++)
            {
                var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var t0 = Stopwatch.GetTimestamp();
                var key = keys[keyOf[(s * settings.WatchersPerStream) + j]];
                lock (consumers)
                {
                    consumers.Add(ConsumeAsync(streams[s], key, created, events, stop));
                }

                await created.Task.WaitAsync(cancellationToken);
                var ns = BenchRunner.ElapsedNanoseconds(t0);
                lock (creation)
                {
                    creation.Record(ns);
                }
            }
        }));
        return new BenchResult("watch creation", Stopwatch.GetElapsedTime(start), creation, new Dictionary<string, long>(), ProcessCpu.Total() - cpu0);
    }

    /// <summary>Phase two: the puts, then a wait until every expected event arrived (or the grace period passed).</summary>
    private async Task<(BenchResult Puts, BenchResult Events)> PutAndAwaitEventsAsync(
        WatchPutOperation put, IReadOnlyList<EtcdClient> putConnections, LatencyHistogram events, CancellationToken cancellationToken)
    {
        var cpu0 = ProcessCpu.Total();
        var start = Stopwatch.GetTimestamp();
        var putResult = await new BenchRunner(new BenchLoad(settings.PutClients, settings.PutTotal, TimeSpan.Zero, settings.PutRate, settings.Sample), console)
            .RunAsync("watch put", putConnections, put, cancellationToken);
        var waitUntil = Stopwatch.GetTimestamp() + (long)(EventGrace.TotalSeconds * Stopwatch.Frequency);
        while (Interlocked.Read(ref _received) < put.ExpectedEvents && Stopwatch.GetTimestamp() < waitUntil)
        {
            await Task.Delay(10, cancellationToken);
        }

        var missing = put.ExpectedEvents - Interlocked.Read(ref _received);
        var errors = missing > 0 ? new Dictionary<string, long> { ["events not received"] = missing } : new Dictionary<string, long>();
        LatencyHistogram eventsCopy;
        lock (events)
        {
            eventsCopy = new LatencyHistogram();
            eventsCopy.Add(events);
        }

        return (putResult, new BenchResult("watch events", Stopwatch.GetElapsedTime(start), eventsCopy, errors, ProcessCpu.Total() - cpu0));
    }

    private async Task ConsumeAsync(EtcdClient client, byte[] key, TaskCompletionSource created, LatencyHistogram events, CancellationToken cancellationToken)
    {
        try
        {
            var options = new WatchOptions { CreatedNotify = true, PrevKv = settings.PrevKv };
            await foreach (var response in client.WatchAsync(key, options, cancellationToken))
            {
                if (response.Created)
                {
                    created.TrySetResult();
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                foreach (var e in response.Events)
                {
                    if (e.Kv.Value.Length < sizeof(long))
                    {
                        continue;
                    }

                    var sent = BinaryPrimitives.ReadInt64LittleEndian(e.Kv.Value.Span);
                    var ns = (long)((now - sent) * (1e9 / Stopwatch.Frequency));
                    lock (events)
                    {
                        events.Record(ns);
                    }

                    Interlocked.Increment(ref _received);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            created.TrySetCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            created.TrySetException(e);
        }
    }
}
