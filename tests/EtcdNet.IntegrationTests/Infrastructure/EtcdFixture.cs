using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>A real etcd cluster shared by the tests of one collection; tests isolate themselves by key prefix.</summary>
public abstract class EtcdFixture : IAsyncLifetime
{
    private readonly int _members;
    private readonly string[] _extraArguments;

    protected EtcdFixture(int members, params string[] extraArguments)
    {
        _members = members;
        _extraArguments = extraArguments;
    }

    public EtcdCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
        => Cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = _members, ExtraArguments = _extraArguments });

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A client of every member, with options adjusted by <paramref name="configure"/>.</summary>
    public EtcdClient CreateClient(Func<EtcdClientOptions, EtcdClientOptions>? configure = null)
    {
        var options = new EtcdClientOptions { Endpoints = Cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) };
        return new EtcdClient(configure is null ? options : configure(options));
    }
}

/// <summary>One member, shared by the KV tests.</summary>
public sealed class SingleMemberFixture() : EtcdFixture(1);

/// <summary>One member that tests may pause and kill: its own cluster, separate from the shared KV one.</summary>
public sealed class FaultySingleMemberFixture() : EtcdFixture(1);

/// <summary>Three members, for failover tests.</summary>
public sealed class ThreeMemberFixture() : EtcdFixture(3);

[CollectionDefinition(Name)]
public sealed class SingleMemberCollection : ICollectionFixture<SingleMemberFixture>
{
    public const string Name = "single member";
}
