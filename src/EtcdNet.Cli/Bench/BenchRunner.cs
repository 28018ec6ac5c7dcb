using System.Diagnostics;
using EtcdNet.Cli.Errors;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Bench;

/// <summary>
/// The closed load loop: <see cref="BenchLoad.Clients"/> workers, worker i on connection i % connections, each
/// repeating the operation until the total is issued or the duration has passed. Latencies go to a histogram
/// per worker (no locking, no allocation); the histograms are merged at the end.
/// </summary>
internal sealed class BenchRunner(BenchLoad load, CliConsole console)
{
    private const int Stride = 16; // one cache line per worker counter

    private long _issued;

    public async Task<BenchResult> RunAsync(string name, IReadOnlyList<EtcdClient> connections, BenchOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(operation);
        var workers = load.Clients;
        await operation.PrepareAsync(connections, workers, cancellationToken);
        try
        {
            var histograms = Enumerable.Range(0, workers).Select(_ => new LatencyHistogram()).ToArray();
            var samples = load.Sample ? Enumerable.Range(0, workers).Select(_ => new SecondSamples()).ToArray() : null;
            var errors = new Dictionary<string, long>?[workers];
            var done = new long[workers * Stride];
            var limiter = load.Rate > 0 ? new RateLimiter(load.Rate) : null;
            _issued = 0;

            var cpu0 = ProcessCpu.Total();
            var start = Stopwatch.GetTimestamp();
            var clock = new WallClock(start);
            var deadline = load.Duration > TimeSpan.Zero ? start + (long)(load.Duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
            var tasks = new Task[workers];
            for (var w = 0; w < workers; w++)
            {
                var worker = w;
                var recorder = new Recorder(histograms[worker], samples?[worker], clock);
                tasks[w] = Task.Run(() => WorkerAsync(worker, connections[worker % connections.Count], operation, recorder, errors, done, limiter, deadline, cancellationToken), cancellationToken);
            }

            var all = Task.WhenAll(tasks);
            await BenchProgress.TrackAsync(console, name, all, () => Done(done), load.Total, load.Duration);
            await all;
            var elapsed = Stopwatch.GetElapsedTime(start);
            var cpu = ProcessCpu.Total() - cpu0;

            var merged = new LatencyHistogram();
            var mergedSamples = samples is null ? null : new SecondSamples();
            var errorCounts = new Dictionary<string, long>();
            for (var w = 0; w < workers; w++)
            {
                merged.Add(histograms[w]);
                mergedSamples?.Add(samples![w]);
                foreach (var (message, count) in errors[w] ?? [])
                {
                    errorCounts[message] = errorCounts.GetValueOrDefault(message) + count;
                }
            }

            return new BenchResult(name, elapsed, merged, errorCounts, cpu) { Samples = mergedSamples };
        }
        finally
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await operation.CleanupAsync(connections, cleanup.Token);
        }
    }

    private static long Done(long[] done)
    {
        long sum = 0;
        for (var i = 0; i < done.Length; i += Stride)
        {
            sum += Volatile.Read(ref done[i]);
        }

        return sum;
    }

    private async Task WorkerAsync(int worker, EtcdClient client, BenchOperation operation, Recorder recorder, Dictionary<string, long>?[] errors, long[] done, RateLimiter? limiter, long deadline, CancellationToken cancellationToken)
    {
        var total = load.Total;
        while (!cancellationToken.IsCancellationRequested)
        {
            var sequence = Interlocked.Increment(ref _issued) - 1;
            if ((total > 0 && sequence >= total) || Stopwatch.GetTimestamp() >= deadline)
            {
                return;
            }

            if (limiter is not null)
            {
                await limiter.WaitAsync(cancellationToken);
            }

            var t0 = Stopwatch.GetTimestamp();
            try
            {
                await operation.ExecuteAsync(client, worker, sequence, cancellationToken);
                recorder.Record(t0, ElapsedNanoseconds(t0));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ObjectDisposedException)
            {
                var map = errors[worker] ??= [];
                var message = ErrorReporter.Describe(e).Message;
                map[message] = map.GetValueOrDefault(message) + 1;
            }

            Volatile.Write(ref done[worker * Stride], done[worker * Stride] + 1);
        }
    }

    /// <summary>Maps <see cref="Stopwatch"/> timestamps to Unix seconds, from one reading of the wall clock at the start.</summary>
    private sealed class WallClock(long start)
    {
        private readonly long _startUnixMilliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        public long UnixSecond(long timestamp)
            => (_startUnixMilliseconds + (long)((timestamp - start) * (1000.0 / Stopwatch.Frequency))) / 1000;
    }

    /// <summary>Where one worker records its latencies: its histogram and, with --sample, its per-second samples.</summary>
    private sealed class Recorder(LatencyHistogram histogram, SecondSamples? samples, WallClock clock)
    {
        public void Record(long started, long nanoseconds)
        {
            histogram.Record(nanoseconds);
            samples?.Record(clock.UnixSecond(started), nanoseconds);
        }
    }

    /// <summary>Nanoseconds since <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static long ElapsedNanoseconds(long start)
        => (long)((Stopwatch.GetTimestamp() - start) * (1e9 / Stopwatch.Frequency));
}
