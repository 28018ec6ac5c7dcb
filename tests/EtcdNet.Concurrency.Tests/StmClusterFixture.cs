using EtcdNet.Testing;

namespace EtcdNet.Concurrency.Tests;

/// <summary>One single-member etcd cluster shared by the STM tests; each test uses its own key prefix.</summary>
public sealed class StmClusterFixture : IAsyncLifetime
{
    private EtcdCluster? _cluster;

    public EtcdCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public EtcdClient CreateClient()
        => new(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) });

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
