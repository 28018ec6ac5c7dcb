using System.Diagnostics;
using EtcdNet.Concurrency.Tests.Infrastructure;

namespace EtcdNet.Concurrency.Tests;

/// <summary>Mutual exclusion on a 3-member cluster while a member is killed and restarted.</summary>
public sealed class MutexFailoverTests(ITestOutputHelper output) : ClusterTestBase(output, 3)
{
    [Fact]
    public async Task EightClients_MemberKilledAndRestarted_FencedLogStrictlyIncreases_NoOverlap()
    {
        const int Clients = 8, Rounds = 50;
        var name = UniqueName("failover");
        var logKey = name + "-log";
        var holders = 0;
        var overlaps = 0;
        var done = 0;
        var clock = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            await using var client = CreateClient();
            await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
            var mutex = new EtcdMutex(session, name);
            for (var round = 0; round < Rounds; round++)
            {
                await using var held = await mutex.LockAsync();
                if (Interlocked.Increment(ref holders) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await AppendFencedAsync(client, held, logKey);
                Interlocked.Decrement(ref holders);
                Interlocked.Increment(ref done);
            }
        })).ToList();

        // Kill and restart a member (the first one, leader or not) while the clients run.
        while (Volatile.Read(ref done) < Clients * Rounds / 4 && !workers.All(w => w.IsCompleted))
        {
            await Task.Delay(50);
        }

        var victim = Cluster.Members[0];
        await victim.KillAsync();
        Output.WriteLine($"killed {victim.Name} after {done} acquisitions at {clock.Elapsed}");
        await Task.Delay(1500);
        await victim.StartAsync();
        Output.WriteLine($"restarted {victim.Name} after {done} acquisitions at {clock.Elapsed}");

        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(4));
        Output.WriteLine($"{Clients}x{Rounds} acquisitions in {clock.Elapsed}");

        await using var reader = CreateClient();
        var log = (await reader.GetAsync(logKey)).Kvs[0].ValueString
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        Assert.Equal(Clients * Rounds, log.Count);
        for (var i = 1; i < log.Count; i++)
        {
            Assert.True(log[i] > log[i - 1], $"fencing revisions not increasing at {i}: {log[i - 1]} then {log[i]}");
        }

        Assert.Equal(0, overlaps);
    }

    /// <summary>Appends the holder's revision to the log, only while it holds the lock; retried through failover without double appends.</summary>
    private static async Task AppendFencedAsync(EtcdClient client, EtcdLockHandle held, string logKey)
    {
        var suffix = held.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var current = await client.GetAsync(logKey);
                var value = current.Kvs.Count == 0 ? "" : current.Kvs[0].ValueString;
                if (value.EndsWith("," + suffix, StringComparison.Ordinal) || value == suffix)
                {
                    return;
                }

                var modRevision = current.Kvs.Count == 0 ? 0 : current.Kvs[0].ModRevision;
                var txn = await client.Txn()
                    .If(Compare.CreateRevision(held.Key, CompareOp.Equal, held.Revision), Compare.ModRevision(logKey, CompareOp.Equal, modRevision))
                    .Then(Op.Put(logKey, value + suffix))
                    .CommitAsync();
                Assert.True(txn.Succeeded, "fenced append failed: lock lost or log changed by another holder");
                return;
            }
            catch (EtcdException) when (attempt < 20)
            {
                await Task.Delay(200);
            }
            catch (TimeoutException) when (attempt < 20)
            {
                await Task.Delay(200);
            }
        }
    }
}
