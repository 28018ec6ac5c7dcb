using EtcdNet.Testing;

namespace EtcdNet.Concurrency.Tests;

/// <summary>A one-member etcd cluster per test class, with clients for the recipe tests.</summary>
public abstract class RecipeTestCluster(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;

    protected ITestOutputHelper Output { get; } = output;

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync()
    {
        Output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    protected EtcdClient CreateClient() => new(new EtcdClientOptions
    {
        Endpoints = _cluster.ClientUrls,
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(10),
    });

    protected static string UniqueName(string kind) => "recipes/" + kind + "/" + Guid.NewGuid().ToString("N");

    /// <summary>Fails the test instead of hanging when <paramref name="task"/> does not finish in time.</summary>
    protected static async Task<T> Within<T>(Task<T> task, int seconds = 60)
    {
        await Within((Task)task, seconds);
        return await task;
    }

    /// <summary>Fails the test instead of hanging when <paramref name="task"/> does not finish in time.</summary>
    protected static async Task Within(Task task, int seconds = 60)
    {
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds))) != task)
        {
            Assert.Fail($"Did not finish within {seconds} s.");
        }

        await task;
    }

    /// <summary>
    /// Starts <paramref name="consumers"/> consumers, each on its own client, that dequeue with
    /// <paramref name="dequeue"/> until <paramref name="total"/> items have arrived in all; returns what each received, in order.
    /// </summary>
    protected List<Task> StartConsumers(int consumers, int total, Func<EtcdClient, Func<CancellationToken, Task<string>>> dequeue, CancellationTokenSource done, List<string>[] perConsumer)
    {
        var received = 0;
        return Enumerable.Range(0, consumers).Select(c => Task.Run(async () =>
        {
            await using var client = CreateClient();
            var next = dequeue(client);
            try
            {
                while (true)
                {
                    perConsumer[c].Add(await next(done.Token));
                    if (Interlocked.Increment(ref received) == total)
                    {
                        await done.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
            }
        })).ToList();
    }

    /// <summary>Disposes sessions first (revoking their leases), then their clients.</summary>
    protected static async Task DisposeAllAsync(IEnumerable<EtcdSession> sessions, IEnumerable<EtcdClient> clients)
    {
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
