using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EtcdNet.Cli.Bench.Peer;

/// <summary>
/// The peer workload: N requesters share M clients (requester i uses client i % M), each one request in flight on a
/// uniformly random key <c>prefix%08d</c>, an unmeasured warmup, then a measured window. Only requests that start and
/// finish inside the window count. Keys are encoded once up front, so the loop allocates nothing of its own.
/// </summary>
internal sealed class PeerRun(PeerArgs args)
{
    private const int Warmup = 0;
    private const int Measuring = 1;
    private const int Stop = 2;

    private int _state;
    private long _errors;

    public async Task<PeerResult> RunAsync(CancellationToken cancellationToken)
    {
        var options = new EtcdClientOptions
        {
            Endpoints = [.. args.Endpoints.Select(e => e.Contains("://", StringComparison.Ordinal) ? e : "http://" + e)],
            DialTimeout = TimeSpan.FromSeconds(5),
            // ETCDNET_PROTOCOL=gateway measures the JSON gateway next to gRPC with the same flags.
            Protocol = Environment.GetEnvironmentVariable("ETCDNET_PROTOCOL") == "gateway" ? EtcdProtocol.JsonGateway : EtcdProtocol.Grpc,
            RequestTimeout = args.Timeout > TimeSpan.Zero ? args.Timeout : System.Threading.Timeout.InfiniteTimeSpan,
        };
        var clients = Enumerable.Range(0, args.Conns).Select(_ => new EtcdClient(options)).ToArray();
        try
        {
            var keys = Enumerable.Range(0, args.KeySpace)
                .Select(i => Encoding.UTF8.GetBytes(args.Prefix + i.ToString("D8", CultureInfo.InvariantCulture)))
                .ToArray();
            var value = BenchKeys.RandomValue(args.ValSize, new Random(42));
            if (args.Op != "put" && args.Prefill)
            {
                await PrefillAsync(clients[0], keys, value, cancellationToken);
            }

            var latencies = new long[args.Clients][];
            var counts = new int[args.Clients];
            var workers = new Task[args.Clients];
            for (var w = 0; w < args.Clients; w++)
            {
                var worker = w;
                workers[w] = Task.Run(() => WorkerAsync(worker, clients[worker % clients.Length], keys, value, latencies, counts), cancellationToken);
            }

            await Task.Delay(args.Warmup, cancellationToken);
            var (user0, sys0) = ProcessCpu.Now();
            var start = Stopwatch.GetTimestamp();
            Volatile.Write(ref _state, Measuring);
            await Task.Delay(args.Duration, cancellationToken);
            Volatile.Write(ref _state, Stop);
            var elapsed = Stopwatch.GetElapsedTime(start);
            var (user1, sys1) = ProcessCpu.Now();
            await Task.WhenAll(workers);

            return Summarize(latencies, counts, elapsed, user1 - user0, sys1 - sys0);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private PeerResult Summarize(long[][] latencies, int[] counts, TimeSpan elapsed, TimeSpan user, TimeSpan sys)
    {
        var n = counts.Sum();
        var all = new long[n];
        var at = 0;
        for (var w = 0; w < latencies.Length; w++)
        {
            Array.Copy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }

        Array.Sort(all);
        double sum = 0;
        foreach (var ns in all)
        {
            sum += ns;
        }

        return new PeerResult
        {
            Op = args.Op,
            Clients = args.Clients,
            Conns = args.Conns,
            DurationSeconds = elapsed.TotalSeconds,
            Ops = n,
            Errors = Interlocked.Read(ref _errors),
            MeanMs = n > 0 ? sum / n / 1e6 : 0,
            P50Ms = PeerResult.Percentile(all, n, 0.50),
            P90Ms = PeerResult.Percentile(all, n, 0.90),
            P99Ms = PeerResult.Percentile(all, n, 0.99),
            P999Ms = PeerResult.Percentile(all, n, 0.999),
            MaxMs = n > 0 ? all[n - 1] / 1e6 : 0,
            CpuUserSeconds = user.TotalSeconds,
            CpuSysSeconds = sys.TotalSeconds,
            ValSize = args.ValSize,
            KeySpace = args.KeySpace,
        };
    }

    private async Task WorkerAsync(int worker, EtcdClient client, byte[][] keys, byte[] value, long[][] latencies, int[] counts)
    {
        var random = new Random(worker + 1);
        var local = new long[1 << 16];
        var count = 0;
        var range = new GetOptions { Serializable = args.Op == "range-s" };
        var put = args.Op == "put";
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == Stop)
            {
                break;
            }

            var key = keys[random.Next(keys.Length)];
            var failed = false;
            var t0 = Stopwatch.GetTimestamp();
            try
            {
                if (put)
                {
                    await client.PutAsync(key, value);
                }
                else
                {
                    await client.GetAsync(key, range);
                }
            }
            catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException or IOException)
            {
                failed = true;
            }

            var ns = BenchRunner.ElapsedNanoseconds(t0);
            if (state == Measuring && Volatile.Read(ref _state) == Measuring)
            {
                if (failed)
                {
                    Interlocked.Increment(ref _errors);
                }
                else
                {
                    if (count == local.Length)
                    {
                        Array.Resize(ref local, local.Length * 2);
                    }

                    local[count++] = ns;
                }
            }
        }

        latencies[worker] = local;
        counts[worker] = count;
    }

    private static async Task PrefillAsync(EtcdClient client, byte[][] keys, byte[] value, CancellationToken cancellationToken)
    {
        const int Batch = 100;
        for (var start = 0; start < keys.Length; start += Batch)
        {
            var ops = keys.Skip(start).Take(Batch).Select(k => Op.Put(k, value)).ToArray();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.Txn().Then(ops).CommitAsync(timeout.Token);
        }
    }
}
