using System.Diagnostics;
using EtcdNet.Concurrency.Tests.Infrastructure;

namespace EtcdNet.Concurrency.Tests;

/// <summary>EtcdSession on a real one-member cluster: lease life cycle, loss detection, orphaning.</summary>
public sealed class SessionTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    [Fact]
    public async Task Dispose_RevokesLease_Orphan_KeepsIt()
    {
        await using var client = CreateClient();
        var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        Assert.True((await client.Lease.TimeToLiveAsync(session.LeaseId)).Ttl > TimeSpan.Zero);
        await session.DisposeAsync();
        Assert.True((await client.Lease.TimeToLiveAsync(session.LeaseId)).Ttl <= TimeSpan.Zero);

        var orphan = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        orphan.Orphan();
        Assert.True(orphan.IsOrphaned);
        Assert.True((await client.Lease.TimeToLiveAsync(orphan.LeaseId)).Ttl > TimeSpan.Zero);

        // Resume the orphaned lease in a new session.
        await using var resumed = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10), orphan.LeaseId);
        Assert.Equal(orphan.LeaseId, resumed.LeaseId);
        Assert.False(resumed.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task BadOptions_AreRejectedBeforeAnyLeaseIsGranted()
    {
        await using var client = CreateClient();
        var before = (await client.Lease.LeasesAsync()).Leases.Count;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EtcdSession.CreateAsync(client, new EtcdSessionOptions { LossCheckInterval = TimeSpan.FromMilliseconds(50) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EtcdSession.CreateAsync(client, new EtcdSessionOptions { Ttl = TimeSpan.FromMilliseconds(500) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EtcdSession.CreateAsync(client, new EtcdSessionOptions { LeaseId = -1 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => EtcdSession.CreateAsync(client, (EtcdSessionOptions)null!));
        Assert.Equal("ttl", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EtcdSession.CreateAsync(client, TimeSpan.FromMilliseconds(500)))).ParamName);
        Assert.Equal("leaseId", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EtcdSession.CreateAsync(client, null, -1))).ParamName);
        Assert.Equal(before, (await client.Lease.LeasesAsync()).Leases.Count);
    }

    [Fact]
    public async Task LeaseRevokedByAnotherClient_FiresLostAtTheNextLossCheck_AndNextWaiterGetsTheMutex()
    {
        await using var clientA = CreateClient();
        await using var clientB = CreateClient();
        await using var admin = CreateClient();
        // The default 60 s TTL: a third of it is far longer than the bound, so the loss check interval is what counts.
        var a = await EtcdSession.CreateAsync(clientA);
        await using var b = await EtcdSession.CreateAsync(clientB, TimeSpan.FromSeconds(10));
        var name = UniqueName("lost");
        var held = await new EtcdMutex(a, name).LockAsync();
        var waiting = new EtcdMutex(b, name).LockAsync();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = held.Lost.Register(() => lost.TrySetResult());
        await admin.Lease.RevokeAsync(a.LeaseId);
        var clock = Stopwatch.StartNew(); // from the moment the revocation is applied
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        var acquiredAfter = clock.Elapsed;
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var lostAfter = clock.Elapsed;
        Output.WriteLine($"next waiter acquired after {acquiredAfter.TotalMilliseconds:F0} ms; Lost fired after {lostAfter.TotalMilliseconds:F0} ms");
        // The next loss check (500 ms) and its round trip, with room for a loaded machine; the renewal due by the TTL
        // would have come only after 20 s.
        var bound = EtcdSessionOptions.DefaultLossCheckInterval + TimeSpan.FromSeconds(1.5);
        Assert.True(lostAfter < bound, $"Lost fired after {lostAfter}");
        Assert.True(next.Revision > held.Revision);
        await a.DisposeAsync();
    }
}
