namespace EtcdNet.Cli.Tests.Infrastructure;

/// <summary>The check tests run alone, after the parallel collections, so that other tests do not skew their latencies.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CheckClusterCollection : ICollectionFixture<CliCluster> // an etcd of its own: the checks measure latency and compact the whole key space
{
    public const string Name = "check cluster";
}
