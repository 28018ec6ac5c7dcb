using System.Diagnostics;

namespace EtcdNet.Concurrency.Tests;

/// <summary><see cref="EtcdBarrier"/> on a real one-member cluster.</summary>
public sealed class RecipeBarrierTests(ITestOutputHelper output) : RecipeTestCluster(output)
{
    [Fact]
    public async Task FiveWaiters_OnSeparateClients_AreReleasedOnlyByRelease()
    {
        const int Waiters = 5;
        var key = UniqueName("barrier");
        await using var holderClient = CreateClient();
        var holder = new EtcdBarrier(holderClient, key);
        await holder.HoldAsync();

        var released = 0;
        var early = 0;
        var clients = Enumerable.Range(0, Waiters).Select(_ => CreateClient()).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            var waits = clients.Select(client => Task.Run(async () =>
            {
                await new EtcdBarrier(client, key).WaitAsync();
                if (Volatile.Read(ref released) == 0)
                {
                    Interlocked.Increment(ref early);
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.All(waits, wait => Assert.False(wait.IsCompleted, "A waiter passed a held barrier."));

            Volatile.Write(ref released, 1);
            var releasedAt = clock.Elapsed;
            await holder.ReleaseAsync();
            await Within(Task.WhenAll(waits), 20);
            Output.WriteLine($"{Waiters} waiters released {(clock.Elapsed - releasedAt).TotalMilliseconds:F0} ms after Release.");
            Assert.Equal(0, early);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Hold_FailsWhenHeld_WaitReturnsAtOnceWhenFree_AndTheBarrierCanBeHeldAgain()
    {
        var key = UniqueName("barrier");
        await using var client = CreateClient();
        var barrier = new EtcdBarrier(client, key);

        await Within(barrier.WaitAsync(), 5);

        await barrier.HoldAsync();
        var error = await Assert.ThrowsAsync<EtcdKeyExistsException>(() => new EtcdBarrier(client, key).HoldAsync());
        Assert.Equal(key, error.Key);
        Assert.Single((await client.GetAsync(key)).Kvs);

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => barrier.WaitAsync(cts.Token));
        }

        await barrier.ReleaseAsync();
        Assert.Empty((await client.GetAsync(key)).Kvs);
        await Within(barrier.WaitAsync(), 5);
        await barrier.ReleaseAsync();

        await barrier.HoldAsync();
        var wait = barrier.WaitAsync();
        await client.PutAsync(key, "rewritten");
        await Task.Delay(300);
        Assert.False(wait.IsCompleted, "A put on the held barrier must not release it.");
        await barrier.ReleaseAsync();
        await Within(wait, 10);
    }
}
