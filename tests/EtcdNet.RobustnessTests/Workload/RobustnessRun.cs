using System.Diagnostics;
using System.Text.Json;
using EtcdNet.RobustnessTests.Checking;
using EtcdNet.Testing;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>
/// One run: a fresh 3-member cluster behind fault proxies, the workload on several clients, a seeded schedule of
/// faults one at a time, then the revision history read back and every checker applied. A failing run writes its
/// history and the cluster's logs to <see cref="RunOptions.ArtifactsDirectory"/>; its seed reproduces the schedule.
/// </summary>
public static class RobustnessRun
{
    private const string RootUser = "root";
    private const string RootPassword = "robustness";

    private static async Task EnableAuthAsync(EtcdCluster cluster, CancellationToken cancellationToken)
    {
        await using var setup = new EtcdClient(new EtcdClientOptions { Endpoints = [.. cluster.ClientUrls] });
        await setup.Auth.UserAddAsync(RootUser, RootPassword, cancellationToken);
        await setup.Auth.UserGrantRoleAsync(RootUser, "root", cancellationToken);
        await setup.Auth.AuthEnableAsync(cancellationToken);
    }

    public static async Task<RunReport> RunAsync(RunOptions options, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var cluster = await EtcdCluster.StartAsync(
            new EtcdClusterOptions { Members = 3, FaultProxies = true, ExtraArguments = options.Auth ? ["--auth-token-ttl=2"] : [] },
            cancellationToken);
        if (options.Auth)
        {
            await EnableAuthAsync(cluster, cancellationToken);
        }

        var history = new History();
        var log = new RevisionLog();
        var random = new Random(options.Seed);
        var clients = new List<EtcdClient>();
        EtcdClient NewClient()
        {
            var client = new EtcdClient(new EtcdClientOptions
            {
                Endpoints = [.. cluster.ClientUrls],
                RequestTimeout = options.RequestTimeout,
                DialTimeout = TimeSpan.FromSeconds(2),
                Username = options.Auth ? RootUser : null,
                Password = options.Auth ? RootPassword : null,
            });
            clients.Add(client);
            return client;
        }

        try
        {
            var admin = NewClient();
            var runStart = History.Now;
            using var stop = new CancellationTokenSource();
            var workers = new List<Task>();
            var id = 0;
            for (var c = 0; c < options.KvClients; c++, id++)
            {
                var client = NewClient();
                for (var w = 0; w < options.KvWorkersPerClient; w++)
                {
                    var worker = new KvWorker(id, client, history, options, new Random(random.Next()), runStart);
                    workers.Add(Guard(history, $"kv worker {id}", () => worker.RunAsync(stop.Token)));
                }
            }

            for (var c = 0; c < options.WatchClients; c++, id++)
            {
                var worker = new WatchWorker(c, NewClient(), history, options, new Random(random.Next()));
                workers.Add(Guard(history, $"watch worker {c}", () => worker.RunAsync(stop.Token)));
            }

            for (var c = 0; c < options.LeaseClients; c++, id++)
            {
                var worker = new LeaseWorker(id, NewClient(), history, new Random(random.Next()));
                workers.Add(Guard(history, $"lease worker {id}", () => worker.RunAsync(stop.Token)));
            }

            for (var c = 0; c < options.LockClients; c++, id++)
            {
                var worker = new LockWorker(id, NewClient(), history, new Random(random.Next()));
                workers.Add(Guard(history, $"lock worker {id}", () => worker.RunAsync(stop.Token)));
            }

            await RunScheduleAsync(cluster, admin, log, history, options, random, progress, cancellationToken);

            cluster.HealNetwork();
            await Task.Delay(options.Gap, cancellationToken);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var final = await admin.GetAsync(KvWorker.KeyPrefix, new GetOptions { Prefix = true }, cancellationToken);
            await log.ReadThroughMarkerAsync(admin, WatchWorker.Prefix, log.CompleteThrough + 1, cancellationToken);
            var report = Check(options, history, log, final);
            if (report.Anomalies.Count > 0)
            {
                Keep(options, report, log, cluster);
            }

            return report;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task RunScheduleAsync(EtcdCluster cluster, EtcdClient admin, RevisionLog log, History history, RunOptions options, Random random, Action<string>? progress, CancellationToken cancellationToken)
    {
        var injector = new FaultInjector(cluster, admin, log, history, random);
        var kinds = options.Faults.Where(k => k != FaultKind.ExpireTokens || options.Auth).OrderBy(_ => random.Next()).ToArray(); // every kind in turn, in a seeded order
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < options.Duration; i++)
        {
            await Task.Delay(options.Gap, cancellationToken);
            var kind = kinds[i % kinds.Length];
            var hold = options.FaultHold + TimeSpan.FromMilliseconds(random.Next((int)options.FaultHold.TotalMilliseconds));
            try
            {
                var fault = await injector.InjectAsync(kind, hold, cancellationToken);
                history.Add(fault);
                progress?.Invoke($"{clock.Elapsed.TotalSeconds,6:0.0} s  {fault.Kind} {fault.Target} {fault.Detail} ({Stopwatch.GetElapsedTime(fault.Start, fault.End).TotalMilliseconds:0} ms)");
            }
            catch (Exception e) when (e is EtcdException or TimeoutException or InvalidOperationException)
            {
                history.AddNotInjected(kind, $"{e.GetType().Name}: {e.Message}");
                progress?.Invoke($"{clock.Elapsed.TotalSeconds,6:0.0} s  {kind} could not be injected: {e.Message}");
            }
        }
    }

    private static RunReport Check(RunOptions options, History history, RevisionLog log, GetResponse final)
    {
        var anomalies = new List<string>(history.Unexpected.Select(u => "unexpected exception: " + u));

        // The read-back history must replay to what a plain range read returned at its revision.
        var revision = final.Header.Revision;
        var inRange = final.Kvs.ToDictionary(kv => kv.KeyString, KeyState.From, StringComparer.Ordinal);
        var keys = log.Events.Select(e => e.Key).Where(k => k.StartsWith(KvWorker.KeyPrefix, StringComparison.Ordinal)).Concat(inRange.Keys).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var replayed = log.StateAt(key, revision);
            var read = inRange.GetValueOrDefault(key);
            if (!Equals(replayed, read))
            {
                anomalies.Add($"at revision {revision} the read-back history says {key} is {replayed?.ToString() ?? "absent"}, a range read says {read?.ToString() ?? "absent"}");
            }
        }

        var (resolved, resolveAnomalies) = UnknownOutcomes.Resolve(history.Operations, log);
        anomalies.AddRange(resolveAnomalies);
        var linearizability = LinearizabilityChecker.Check(resolved);
        anomalies.AddRange(linearizability.Where(r => !r.Linearizable).Select(r => r.ToString()));
        foreach (var watch in history.Watches)
        {
            anomalies.AddRange(WatchChecker.Check(watch, log, history.Compactions));
        }

        var (serializable, wentBack) = SerializableReadChecker.Check(history.SerializableReads, log);
        anomalies.AddRange(serializable);
        var (fenceAnomalies, writes, holders) = FenceChecker.Check(log, LockWorker.FenceKey);
        anomalies.AddRange(fenceAnomalies);
        anomalies.AddRange(LeaseChecker.Check(history.Leases, log, history.Operations));
        return new RunReport(options, history, linearizability, anomalies, wentBack, (writes, holders));
    }

    /// <summary>Runs a worker; an exception of a type the API does not promise is recorded as an anomaly, not lost.</summary>
    private static Task Guard(History history, string name, Func<Task> work) => Task.Run(async () =>
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        catch (Exception e)
        {
            history.AddUnexpected(name, e);
        }
    });

    private static void Keep(RunOptions options, RunReport report, RevisionLog log, EtcdCluster cluster)
    {
        var directory = Path.Combine(options.ArtifactsDirectory, $"seed-{options.Seed}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "summary.txt"), report.Summary());
        File.WriteAllLines(Path.Combine(directory, "history.txt"), report.History.Operations.Select(o => o.ToLine()));
        File.WriteAllLines(Path.Combine(directory, "revision-log.txt"), log.Events.Select(e => e.ToString()));
        File.WriteAllLines(Path.Combine(directory, "faults.txt"), report.History.Faults.Select(f => f.ToString()));
        File.WriteAllText(Path.Combine(directory, "watches.json"), JsonSerializer.Serialize(report.History.Watches.Select(w => new { w.Client, w.StartRevision, Error = w.Error?.Message, w.Deliveries })));
        File.WriteAllText(Path.Combine(directory, "etcd.log"), cluster.RecentLogs());
    }
}
