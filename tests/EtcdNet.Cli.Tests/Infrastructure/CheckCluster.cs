using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>
/// A single-member etcd of its own for the check commands, which measure latency (no other test may load the machine
/// meanwhile) and compact the whole key space.
/// </summary>
public sealed class CheckCluster : IAsyncLifetime
{
    public EtcdCluster Cluster { get; private set; } = null!;

    /// <summary>The member's client URL (http://127.0.0.1:port).</summary>
    public string Endpoint => Cluster.ClientUrls[0];

    public async Task InitializeAsync() => Cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The check tests run alone, after the parallel collections, so that other tests do not skew their latencies.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CheckClusterCollection : ICollectionFixture<CheckCluster>
{
    public const string Name = "check cluster";
}
