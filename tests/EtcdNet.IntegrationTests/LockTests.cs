using EtcdNet.IntegrationTests.Infrastructure;
using System.Diagnostics;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The Lock service on a real one-member cluster: mutual exclusion, fencing, release on lease expiry, cancellation.</summary>
public sealed class LockTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    private EtcdClient CreateClient(TimeSpan? requestTimeout = null) => new(new EtcdClientOptions
    {
        Endpoints = Cluster.ClientUrls,
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
    });

    [Fact]
    public async Task FourClients_TakeTurns_NeverTwoHoldersAtOnce_AndCreateRevisionsGrowInAcquisitionOrder()
    {
        const int Clients = 4, Rounds = 50;
        var name = "locks/" + Guid.NewGuid().ToString("N");
        var holders = 0;
        var overlaps = 0;
        var fencing = new List<long>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            await using var client = CreateClient();
            var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(10));
            await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
            for (var round = 0; round < Rounds; round++)
            {
                var held = await client.Lock.LockAsync(name, lease.Id);
                if (Interlocked.Increment(ref holders) != 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                var key = Assert.Single((await client.GetAsync(held.Key)).Kvs);
                Assert.Equal(lease.Id, key.Lease);
                lock (fencing)
                {
                    fencing.Add(key.CreateRevision);
                }

                Interlocked.Decrement(ref holders);
                await client.Lock.UnlockAsync(held.Key);
            }
        })));

        Output.WriteLine($"{Clients * Rounds} acquisitions in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(0, overlaps);
        Assert.Equal(Clients * Rounds, fencing.Count);
        for (var i = 1; i < fencing.Count; i++)
        {
            Assert.True(fencing[i] > fencing[i - 1], $"acquisition {i} has create revision {fencing[i]}, not above {fencing[i - 1]}");
        }
    }

    [Fact]
    public async Task AHolderWhoseLeaseExpires_HandsTheLockToTheWaiter()
    {
        var name = "locks/" + Guid.NewGuid().ToString("N");
        await using var holderClient = CreateClient();
        await using var waiterClient = CreateClient(requestTimeout: TimeSpan.FromSeconds(1)); // the wait outlasts it: Lock is not bounded by it
        var holderLease = await holderClient.Lease.GrantAsync(TimeSpan.FromSeconds(2)); // never kept alive
        var waiterLease = await waiterClient.Lease.GrantAsync(TimeSpan.FromSeconds(30));

        var held = await holderClient.Lock.LockAsync(name, holderLease.Id);
        var clock = Stopwatch.StartNew();
        var waiter = waiterClient.Lock.LockAsync(name, waiterLease.Id);
        await ElectionTestSupport.WaitForKeysAsync(holderClient, name, 2); // the waiter has queued behind the holder
        Assert.True((await holderClient.Lease.TimeToLiveAsync(holderLease.Id)).Ttl > TimeSpan.Zero);
        Assert.False(waiter.IsCompleted, "the waiter got the lock while the holder's lease was alive");

        var acquired = await waiter.WaitAsync(TimeSpan.FromSeconds(20));
        Output.WriteLine($"the waiter got the lock {clock.ElapsedMilliseconds} ms after the holder's acquisition (lease TTL {holderLease.Ttl.TotalSeconds} s)");
        Assert.Empty((await holderClient.GetAsync(held.Key)).Kvs); // the server deleted the holder's key with its lease
        Assert.True((await holderClient.Lease.TimeToLiveAsync(holderLease.Id)).Ttl < TimeSpan.Zero);
        var owner = (await waiterClient.GetAsync(name + "/", GetOptions.FirstCreate)).Kvs;
        Assert.Equal(acquired.KeyString, Assert.Single(owner).KeyString);
        Assert.StartsWith(name + "/", acquired.KeyString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellingAWait_ThrowsWithTheCallersToken_AndWithdrawsTheWaitersKey()
    {
        var name = "locks/" + Guid.NewGuid().ToString("N");
        await using var client = CreateClient();
        var holderLease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        var waiterLease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        var held = await client.Lock.LockAsync(name, holderLease.Id);

        using var cts = new CancellationTokenSource();
        var waiter = client.Lock.LockAsync(name, waiterLease.Id, cts.Token);
        await ElectionTestSupport.WaitForKeysAsync(client, name, 2);
        await cts.CancelAsync();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(cts.Token, e.CancellationToken);
        await ElectionTestSupport.WaitForKeysAsync(client, name, 1); // etcd withdrew the waiter
        await client.Lock.UnlockAsync(held.Key);
        await ElectionTestSupport.WaitForKeysAsync(client, name, 0);
    }

    [Fact]
    public async Task LockingAgainWithTheSameLease_ReturnsTheSameKeyAtOnce()
    {
        var name = "locks/" + Guid.NewGuid().ToString("N");
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        var first = await client.Lock.LockAsync(name, lease.Id);
        var second = await client.Lock.LockAsync(name, lease.Id).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(first.KeyString, second.KeyString);
        Assert.Equal($"{name}/{lease.Id:x}", first.KeyString);
        await client.Lock.UnlockAsync(first.Key);
        await client.Lock.UnlockAsync(first.Key); // unlocking a released lock does nothing
    }

    [Fact]
    public async Task BadArguments_FailBeforeSending_AndAMissingLeaseIsTyped()
    {
        await using var client = CreateClient();
        await Assert.ThrowsAsync<ArgumentException>(() => client.Lock.LockAsync("", 1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Lock.LockAsync("locks/x", 0));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Lock.UnlockAsync(EtcdBytes.Empty));
        var e = await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => client.Lock.LockAsync("locks/x", 0x7777_0000_1234));
        Output.WriteLine(e.ServerMessage);
    }
}
