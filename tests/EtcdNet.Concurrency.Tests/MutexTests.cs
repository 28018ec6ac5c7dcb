using EtcdNet.Concurrency.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Concurrency.Tests;

/// <summary>EtcdMutex on a real one-member cluster, including interop with etcdctl (Go's concurrency package).</summary>
public sealed class MutexTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    [Fact]
    public async Task Lock_TryLock_Relock_AndKeyLayoutMatchesGo()
    {
        await using var client = CreateClient();
        await using var a = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        await using var b = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var name = UniqueName("mutex");
        var mutexA = new EtcdMutex(a, name);
        var mutexB = new EtcdMutex(b, name);

        var held = await mutexA.LockAsync();
        Assert.Equal(name + "/" + a.LeaseId.ToString("x", System.Globalization.CultureInfo.InvariantCulture), held.Key);
        var kv = Assert.Single((await client.GetAsync(held.Key)).Kvs);
        Assert.Equal(a.LeaseId, kv.Lease);
        Assert.Equal(kv.CreateRevision, held.Revision);
        Assert.Equal(held.Revision, held.Header.Revision); // free: acquired by the write that created the key

        var again = await mutexA.LockAsync();
        Assert.Equal(held.Revision, again.Revision);

        Assert.Null(await mutexB.TryLockAsync());
        Assert.Empty((await client.GetAsync(mutexB.Key)).Kvs);

        var waiting = mutexB.LockAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var heldB = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(heldB.Revision > held.Revision);
        // After a wait, the header is that of the read that confirmed ownership: past a's release.
        Assert.True(heldB.Header.Revision > heldB.Revision, $"header {heldB.Header.Revision}, key {heldB.Revision}");
    }

    [Fact]
    public async Task SessionLockShorthand_HoldsUntilDisposed()
    {
        await using var client = CreateClient();
        await using var a = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        await using var b = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var name = UniqueName("shorthand");

        var first = await a.LockAsync(name);
        var second = b.LockAsync(name);
        // Once b's key is in the queue behind a's, b must still be waiting.
        while ((await client.GetAsync(name + "/", new GetOptions { Prefix = true, CountOnly = true })).Count < 2)
        {
            await Task.Delay(10);
        }

        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(held.Revision > first.Revision);
    }

    [Fact]
    public async Task CancelledWait_RemovesOwnKey()
    {
        await using var client = CreateClient();
        await using var a = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        await using var b = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var name = UniqueName("mutex");
        await using var held = await new EtcdMutex(a, name).LockAsync();
        var mutexB = new EtcdMutex(b, name);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mutexB.LockAsync(cts.Token));
        Assert.Empty((await client.GetAsync(mutexB.Key)).Kvs);
    }

    [Fact]
    public async Task Interop_WithEtcdctlLock_BothDirections()
    {
        var endpoint = Cluster.ClientUrls[0];
        var name = UniqueName("ctl-lock");
        await using var client = CreateClient();
        await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var mutex = new EtcdMutex(session, name);

        // etcdctl holds the lock: we wait until it is terminated.
        await using (var ctl = EtcdctlProcess.Start(endpoint, "lock", name))
        {
            var ctlKey = await ctl.NextLineAsync(TimeSpan.FromSeconds(10));
            Assert.NotNull(ctlKey);
            Assert.StartsWith(name + "/", ctlKey);
            var waiting = mutex.LockAsync();
            await Task.Delay(500);
            Assert.False(waiting.IsCompleted);
            await ctl.TerminateAsync();
            await using var held = await waiting.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Empty((await client.GetAsync(ctlKey)).Kvs);
        }

        // We hold the lock: etcdctl waits (prints nothing) until we unlock.
        var ours = await mutex.LockAsync();
        await using var other = EtcdctlProcess.Start(endpoint, "lock", name);
        Assert.Null(await other.NextLineAsync(TimeSpan.FromSeconds(2)));
        await ours.UnlockAsync();
        var line = await other.NextLineAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(line);
        Assert.StartsWith(name + "/", line);
    }
}
