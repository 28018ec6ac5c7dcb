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
}
