using System.Diagnostics;
using System.Globalization;
using EtcdNet.Lease;
using EtcdNet.Testing;

namespace EtcdNet.Benchmarks;

/// <summary>
/// Not a BenchmarkDotNet benchmark: a load run against a real single-member etcd cluster (started
/// with EtcdNet.Testing). Grants N leases, keeps them all alive on one client for a while, and
/// reports leases lost, renewals per second, client CPU time, managed memory per lease, and the
/// number of LeaseKeepAlive streams. Usage: <c>leases [count=10000] [seconds=60] [ttl-seconds=10]</c>.
/// </summary>
public static class LeaseKeepAliveLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var duration = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var ttl = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10);
        Console.WriteLine($"lease keep-alive load: {count} leases, TTL {ttl.TotalSeconds} s, kept alive {duration.TotalSeconds} s");
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} CPUs, server GC {System.Runtime.GCSettings.IsServerGC}");

        await using var cluster = await EtcdCluster.StartAsync(1);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls });
        var member = cluster.Members[0];

        var granting = Stopwatch.StartNew();
        var ids = await GrantAsync(client, count, ttl);
        Console.WriteLine($"granted {ids.Length} leases in {granting.Elapsed.TotalSeconds:0.0} s");
        var serverStreamsBefore = await ServerKeepAliveStreamsAsync(member.MetricsUrl);

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var serverCpuBefore = ServerCpuTime(member);
        var clock = Stopwatch.StartNew();
        var handles = ids.Select(id => client.Lease.KeepAliveAsync(id)).ToArray();
        var keepAlives = ((LeaseClient)client.Lease).KeepAlives!;

        // Measure from the end of the initial burst (every lease renewed once) to the end of the run.
        while (keepAlives.RenewalsReceived < count && clock.Elapsed < ttl)
        {
            await Task.Delay(10);
        }

        var firstRound = clock.Elapsed;
        var renewalsAtStart = keepAlives.RenewalsReceived;
        var steady = Stopwatch.StartNew();
        Console.WriteLine($"first renewal of all {count} leases after {firstRound.TotalSeconds:0.00} s");
        while (duration - clock.Elapsed is { Ticks: > 0 } remaining)
        {
            await Task.Delay(remaining < TimeSpan.FromSeconds(10) ? remaining : TimeSpan.FromSeconds(10));
            Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: renewals {keepAlives.RenewalsReceived}, lost {handles.Count(h => h.Lost.IsCancellationRequested)}, streams {keepAlives.StreamsOpened}");
        }

        var renewals = keepAlives.RenewalsReceived - renewalsAtStart;
        var steadySeconds = steady.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var serverCpu = ServerCpuTime(member) - serverCpuBefore;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var lost = handles.Count(h => h.Lost.IsCancellationRequested);
        var serverLeases = (await client.Lease.LeasesAsync()).Leases.Count;
        var serverStreams = await ServerKeepAliveStreamsAsync(member.MetricsUrl) - serverStreamsBefore;

        Console.WriteLine();
        Console.WriteLine($"leases kept alive        {count}");
        Console.WriteLine($"leases lost              {lost} (server still holds {serverLeases} leases)");
        Console.WriteLine($"renewals/s (steady)      {renewals / steadySeconds:0} ({renewals} in {steadySeconds:0.0} s; expected {count / (ttl.TotalSeconds / 3):0})");
        Console.WriteLine($"client CPU time          {cpu.TotalSeconds:0.00} s over {clock.Elapsed.TotalSeconds:0.0} s ({100 * cpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.0}% of one core)");
        Console.WriteLine($"etcd CPU time            {serverCpu.TotalSeconds:0.00} s ({100 * serverCpu.TotalSeconds / clock.Elapsed.TotalSeconds:0.0}% of one core)");
        Console.WriteLine($"managed memory per lease {(memoryAfter - memoryBefore) / (double)count:0} B ({(memoryAfter - memoryBefore) / 1024.0 / 1024.0:0.0} MiB for {count})");
        Console.WriteLine($"LeaseKeepAlive streams   client {keepAlives.StreamsOpened}, server {serverStreams}");
        GC.KeepAlive(handles);

        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }

        return lost == 0 && serverLeases == count && keepAlives.StreamsOpened == 1 ? 0 : 1;
    }

    private static async Task<long[]> GrantAsync(EtcdClient client, int count, TimeSpan ttl)
    {
        var ids = new long[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                ids[i] = (await client.Lease.GrantAsync(ttl)).Id;
            }
        }));
        return ids;
    }

    /// <summary>The etcd process's CPU time (user + system).</summary>
    private static TimeSpan ServerCpuTime(EtcdMember member)
    {
        using var etcd = Process.GetProcessById(member.ProcessId!.Value);
        return etcd.TotalProcessorTime;
    }

    private static async Task<double> ServerKeepAliveStreamsAsync(string metricsUrl)
    {
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri(metricsUrl));
        return text.Split('\n')
            .Where(l => l.StartsWith("grpc_server_started_total{", StringComparison.Ordinal) && l.Contains("grpc_method=\"LeaseKeepAlive\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
