using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// Base of tests against a shared cluster: gives each test a unique key prefix and a client, and
/// writes the etcd log lines produced during the test to its output (shown when the test fails).
/// </summary>
public abstract class EtcdTest : IAsyncLifetime
{
    private readonly long _logMark;

    protected EtcdTest(EtcdFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
        _logMark = fixture.Cluster.LogMark;
        Prefix = "/test/" + GetType().Name + "/" + Guid.NewGuid().ToString("N")[..12] + "/";
        Client = fixture.CreateClient(o => o with { Protocol = ClientProtocol });
    }

    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    protected EtcdFixture Fixture { get; }

    protected EtcdCluster Cluster => Fixture.Cluster;

    protected ITestOutputHelper Output { get; }

    /// <summary>A key prefix no other test uses.</summary>
    protected string Prefix { get; }

    protected EtcdClient Client { get; }

    /// <summary>A key under this test's prefix.</summary>
    protected string Key(string name) => Prefix + name;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        var logs = Cluster.LogsSince(_logMark);
        if (logs.Length > 0)
        {
            Output.WriteLine("--- etcd log during this test ---");
            Output.WriteLine(logs);
        }
    }
}
