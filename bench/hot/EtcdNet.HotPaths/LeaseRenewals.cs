using System.Diagnostics;

namespace EtcdNet.HotPaths;

/// <summary>
/// Grants N leases (64 at a time), keeps all of them alive on one client and enumerates every renewal, as the Go
/// program drains every keep-alive channel. Measured over the duration, once every lease has been renewed once.
/// </summary>
internal static class LeaseRenewals
{
    public static async Task<HotResult> RunAsync(HotArgs args)
    {
        await using var client = args.NewClient();
        var ttl = TimeSpan.FromSeconds(args.Ttl);
        var ids = new long[args.Leases];
        await Parallel.ForAsync(0, args.Leases, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            ids[i] = (await client.Lease.GrantAsync(ttl, cancellationToken: ct)).Id);

        using var stop = new CancellationTokenSource();
        long renewals = 0;
        long lost = 0;
        var readers = ids.Select(id => Task.Run(async () =>
        {
            await using var handle = client.Lease.KeepAliveAsync(id, stop.Token);
            try
            {
                await foreach (var renewal in handle)
                {
                    Interlocked.Increment(ref renewals);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (EtcdLeaseLostException)
            {
                Interlocked.Increment(ref lost);
            }
        })).ToArray();

        var first = Stopwatch.StartNew();
        while (Interlocked.Read(ref renewals) < args.Leases)
        {
            if (first.Elapsed > ttl)
            {
                throw new TimeoutException("the first renewal of every lease took longer than the TTL");
            }

            await Task.Delay(10);
        }

        var r0 = Interlocked.Read(ref renewals);
        var cpu0 = ProcessCpu.Seconds();
        var start = Stopwatch.GetTimestamp();
        await Task.Delay(args.Duration);
        var n = Interlocked.Read(ref renewals) - r0;
        var cpu = ProcessCpu.Seconds() - cpu0;
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var lostNow = Interlocked.Read(ref lost);

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        await Parallel.ForAsync(0, args.Leases, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await client.Lease.RevokeAsync(ids[i], ct));
        return new HotResult
        {
            Leases = args.Leases,
            Lost = lostNow,
            Renewals = n,
            RenewalsPerSecond = n / elapsed,
            CpuMicrosecondsPerRenewal = n > 0 ? cpu * 1e6 / n : null,
            Seconds = elapsed,
            CpuSeconds = cpu,
        };
    }
}
