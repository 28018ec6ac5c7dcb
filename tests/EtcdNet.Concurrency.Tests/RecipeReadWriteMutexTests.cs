using System.Diagnostics;

namespace EtcdNet.Concurrency.Tests;

/// <summary><see cref="EtcdReadWriteMutex"/> on a real one-member cluster.</summary>
public sealed class RecipeReadWriteMutexTests(ITestOutputHelper output) : RecipeTestCluster(output)
{
    [Fact]
    public async Task ReadersShare_WritersExcludeEveryone_FourSessionsMixed()
    {
        const int Sessions = 4;
        const int Rounds = 30;
        var prefix = UniqueName("rwmutex");
        var clients = Enumerable.Range(0, Sessions).Select(_ => CreateClient()).ToList();
        var sessions = new List<EtcdSession>();
        try
        {
            foreach (var client in clients)
            {
                sessions.Add(await EtcdSession.CreateAsync(client));
            }

            // Readers hold the lock at once.
            var first = new EtcdReadWriteMutex(sessions[0], prefix);
            var second = new EtcdReadWriteMutex(sessions[1], prefix);
            await Within(first.ReadLockAsync(), 10);
            await Within(second.ReadLockAsync(), 10);

            // A writer waits for both readers; a reader queued after the writer waits for the writer.
            var writer = new EtcdReadWriteMutex(sessions[2], prefix);
            var write = writer.LockAsync();
            await KeysUnderAsync(clients[0], prefix + "/write/", 1); // the writer is queued
            var lateReader = new EtcdReadWriteMutex(sessions[3], prefix);
            var lateRead = lateReader.ReadLockAsync();
            await KeysUnderAsync(clients[0], prefix + "/read/", 3); // and the late reader behind it
            await Task.Delay(300);
            Assert.False(write.IsCompleted, "A writer got the lock while readers held it.");
            Assert.False(lateRead.IsCompleted, "A reader overtook a waiting writer.");
            await first.ReadUnlockAsync();
            await Task.Delay(200);
            Assert.False(write.IsCompleted, "A writer got the lock while a reader held it.");
            await second.ReadUnlockAsync();
            await Within(write, 10);
            await Task.Delay(200);
            Assert.False(lateRead.IsCompleted, "A reader got the lock while a writer held it.");
            await writer.UnlockAsync();
            await Within(lateRead, 10);
            await lateReader.ReadUnlockAsync();
            Assert.Empty((await clients[0].GetAsync(prefix + "/", new GetOptions { Prefix = true })).Kvs);

            // Mixed load: an Interlocked detector checks exclusion, and concurrent readers are counted.
            var readers = 0;
            var writers = 0;
            var maxReaders = 0;
            var violations = 0;
            var reads = 0;
            var writes = 0;
            var clock = Stopwatch.StartNew();
            var workers = sessions.Select((session, index) => Task.Run(async () =>
            {
                var mutex = new EtcdReadWriteMutex(session, prefix);
                for (var i = 0; i < Rounds; i++)
                {
                    if ((i + index) % 3 == 0)
                    {
                        await mutex.LockAsync();
                        if (Interlocked.Increment(ref writers) != 1 || Volatile.Read(ref readers) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        await Task.Delay(5);
                        if (Volatile.Read(ref readers) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        Interlocked.Decrement(ref writers);
                        Interlocked.Increment(ref writes);
                        await mutex.UnlockAsync();
                    }
                    else
                    {
                        await mutex.ReadLockAsync();
                        var now = Interlocked.Increment(ref readers);
                        if (Volatile.Read(ref writers) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        int seen;
                        while (now > (seen = Volatile.Read(ref maxReaders)) && Interlocked.CompareExchange(ref maxReaders, now, seen) != seen)
                        {
                        }

                        await Task.Delay(20);
                        if (Volatile.Read(ref writers) != 0)
                        {
                            Interlocked.Increment(ref violations);
                        }

                        Interlocked.Decrement(ref readers);
                        Interlocked.Increment(ref reads);
                        await mutex.ReadUnlockAsync();
                    }
                }
            })).ToList();

            await Within(Task.WhenAll(workers), 120);
            Output.WriteLine($"{reads} reads, {writes} writes on {Sessions} sessions in {clock.Elapsed.TotalMilliseconds:F0} ms; at most {maxReaders} concurrent readers.");
            Assert.Equal(0, violations);
            Assert.Equal(Sessions * Rounds, reads + writes);
            Assert.True(maxReaders >= 2, $"Readers never held the lock together (max {maxReaders}).");
            Assert.Empty((await clients[0].GetAsync(prefix + "/", new GetOptions { Prefix = true })).Kvs);
        }
        finally
        {
            await DisposeAllAsync(sessions, clients);
        }
    }

    [Fact]
    public async Task CancellingAWaitRemovesTheKey_AndUnlockWithoutLockThrows()
    {
        var prefix = UniqueName("rwmutex");
        await using var client = CreateClient();
        await using var session = await EtcdSession.CreateAsync(client);
        var writer = new EtcdReadWriteMutex(session, prefix);
        await Within(writer.LockAsync(), 10);
        Assert.NotNull(writer.Key);
        Assert.StartsWith(prefix + "/write/", writer.Key, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ReadLockAsync());

        var reader = new EtcdReadWriteMutex(session, prefix);
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.ReadLockAsync(cts.Token));
        }

        Assert.Null(reader.Key);
        Assert.Single((await client.GetAsync(prefix + "/", new GetOptions { Prefix = true })).Kvs);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.ReadUnlockAsync());
        await writer.UnlockAsync();
        await Within(reader.ReadLockAsync(), 10);
        Assert.StartsWith(prefix + "/read/", reader.Key, StringComparison.Ordinal);
        await reader.ReadUnlockAsync();
        Assert.Empty((await client.GetAsync(prefix + "/", new GetOptions { Prefix = true })).Kvs);
    }

    /// <summary>Waits until <paramref name="count"/> keys exist under <paramref name="prefix"/>.</summary>
    private static async Task KeysUnderAsync(EtcdClient client, string prefix, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await client.GetAsync(prefix, new GetOptions { Prefix = true, CountOnly = true }, timeout.Token)).Count != count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
