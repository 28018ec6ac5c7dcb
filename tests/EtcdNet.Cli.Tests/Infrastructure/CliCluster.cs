using EtcdNet.Testing;

namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>One single-member etcd shared by the tests of the "cli cluster" collection; tests use unique key prefixes.</summary>
public sealed class CliCluster : IAsyncLifetime
{
    public EtcdCluster Cluster { get; private set; } = null!;

    /// <summary>The member's client URL (http://127.0.0.1:port).</summary>
    public string Endpoint => Cluster.ClientUrls[0];

    public async Task InitializeAsync() => Cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CliClusterCollection : ICollectionFixture<CliCluster>
{
    public const string Name = "cli cluster";
}
