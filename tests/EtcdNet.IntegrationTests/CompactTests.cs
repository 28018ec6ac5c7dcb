using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// Compaction, on a member that compacts in batches of 2 keys with etcd's 10 ms pause between
/// batches, so that compacting 300 revisions takes at least 1.5 s.
/// </summary>
public class CompactTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    private const string CompactedKeys = "etcd_debugging_mvcc_db_compaction_keys_total";
    private EtcdCluster _cluster = null!;
    private EtcdClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { ExtraArguments = ["--experimental-compaction-batch-limit=2"] });
        _client = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Protocol = ClientProtocol });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    private async Task<long> WriteHistoryAsync(string key, int revisions)
    {
        long last = 0;
        for (var i = 0; i < revisions; i++)
        {
            last = (await _client.PutAsync(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Header.Revision;
        }

        return last;
    }

    private Task<double> CompactedKeysAsync() => EtcdMetrics.ReadAsync(_cluster.Members[0].MetricsUrl, CompactedKeys);

    [Fact]
    public async Task Physical_WaitsUntilTheBackendCompactionIsDone()
    {
        var rev = await WriteHistoryAsync("physical", 300);
        var before = await CompactedKeysAsync();

        await _client.CompactAsync(rev, physical: true);
        var after = await CompactedKeysAsync();

        Assert.True(after - before >= 299, $"compacted {after - before} keys by the time the call returned");
    }

    [Fact]
    public async Task NotPhysical_ReturnsBeforeTheBackendCompactionIsDone()
    {
        var rev = await WriteHistoryAsync("logical", 300);
        var before = await CompactedKeysAsync();

        await _client.CompactAsync(rev);
        var after = await CompactedKeysAsync();

        // 300 revisions in batches of 2 with 10 ms pauses take at least 1.5 s; the call returned long before.
        Assert.True(after - before < 299, $"compacted {after - before} keys by the time the call returned");
        await Assert.ThrowsAsync<EtcdCompactedException>(() => _client.GetAsync("logical", new GetOptions { Revision = rev - 1 }));
    }
}
