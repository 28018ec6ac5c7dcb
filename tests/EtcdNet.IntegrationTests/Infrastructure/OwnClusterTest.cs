using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// Base of a test class that needs a cluster of its own (it kills, pauses or reconfigures members): starts it
/// before each test, writes its recent etcd log to the test output and stops it afterwards.
/// </summary>
public abstract class OwnClusterTest(ITestOutputHelper output, int members) : IAsyncLifetime
{
    protected EtcdCluster Cluster { get; private set; } = null!;

    protected ITestOutputHelper Output { get; } = output;

    public async Task InitializeAsync() => Cluster = await EtcdCluster.StartAsync(members);

    public async Task DisposeAsync()
    {
        Output.WriteLine(Cluster.RecentLogs());
        await Cluster.DisposeAsync();
    }
}
