using EtcdNet.Testing;

namespace EtcdNet.Discovery.Tests.Infrastructure;

/// <summary>Starts a real etcd cluster per test class instance, makes clients for it, and writes its logs to the test output.</summary>
public abstract class ClusterTestBase(ITestOutputHelper output, int members = 1) : IAsyncLifetime
{
    protected ITestOutputHelper Output { get; } = output;

    protected EtcdCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await EtcdCluster.StartAsync(members);

    public async Task DisposeAsync()
    {
        Output.WriteLine(Cluster.RecentLogs());
        await Cluster.DisposeAsync();
    }

    protected EtcdClient CreateClient(params string[] endpoints) => new(new EtcdClientOptions
    {
        Endpoints = endpoints.Length > 0 ? endpoints : Cluster.ClientUrls,
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(10),
    });

    protected static string UniqueService() => "svc-" + Guid.NewGuid().ToString("N")[..12];
}
