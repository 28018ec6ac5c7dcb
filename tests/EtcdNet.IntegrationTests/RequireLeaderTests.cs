using System.Diagnostics;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// <see cref="EtcdClientOptions.RequireLeader"/> on unary calls: a member cut off from its peers (by the fault proxies' partition) says
/// "no leader" at once, over gRPC and over the gateway, for a client that requires it and for a call in an
/// <see cref="EtcdCallScope.RequireLeader"/> scope, while a call that does not require a leader waits for one until
/// its deadline.
/// </summary>
public sealed class RequireLeaderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = 3, FaultProxies = true });

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(EtcdProtocol.Grpc)]
    [InlineData(EtcdProtocol.JsonGateway)]
    public async Task A_call_that_requires_a_leader_fails_fast_on_a_member_cut_off_from_its_peers(EtcdProtocol protocol)
    {
        var leader = await _cluster.GetLeaderAsync();
        var isolated = _cluster.Members.First(m => m != leader);
        EtcdClient Client(bool requireLeader) => new(new EtcdClientOptions
        {
            Endpoints = [isolated.ClientUrl],
            Protocol = protocol,
            RequireLeader = requireLeader,
            RequestTimeout = TimeSpan.FromSeconds(4),
        });
        await using var strict = Client(requireLeader: true);
        await using var patient = Client(requireLeader: false);
        await strict.PutAsync("rl/k", "with a leader"); // a member with a leader answers as usual

        _cluster.Partition(isolated);
        await Eventually.TrueAsync(async () => (await patient.Maintenance.StatusAsync(isolated.ClientUrl)).Leader == 0, TimeSpan.FromSeconds(20), "the member notices it has no leader");

        var fast = Stopwatch.StartNew();
        await Assert.ThrowsAsync<EtcdNoLeaderException>(() => strict.GetAsync("rl/k"));
        await Assert.ThrowsAsync<EtcdNoLeaderException>(() => strict.PutAsync("rl/k", "no leader"));
        fast.Stop();
        using (EtcdCallScope.RequireLeader())
        {
            var scoped = Stopwatch.StartNew();
            await Assert.ThrowsAsync<EtcdNoLeaderException>(() => patient.GetAsync("rl/k")); // this call only
            Assert.True(scoped.Elapsed < TimeSpan.FromSeconds(1), $"the call in a require-leader scope took {scoped.Elapsed}");
        }

        var slow = Stopwatch.StartNew();
        var waited = await Assert.ThrowsAnyAsync<Exception>(() => patient.GetAsync("rl/k"));
        Assert.True(waited is EtcdTimeoutException or EtcdException, waited.ToString());
        slow.Stop();

        output.WriteLine($"{protocol}: require-leader calls failed in {fast.ElapsedMilliseconds} ms; the plain read in {slow.ElapsedMilliseconds} ms");
        Assert.True(fast.Elapsed < TimeSpan.FromSeconds(1), $"the require-leader calls took {fast.Elapsed}");
        Assert.True(slow.Elapsed > TimeSpan.FromSeconds(2), $"the plain read gave up after {slow.Elapsed}, not at its deadline");

        _cluster.HealPartition();
        await Eventually.TrueAsync(async () => (await patient.Maintenance.StatusAsync(isolated.ClientUrl)).Leader != 0, TimeSpan.FromSeconds(20), "the member finds the leader again");
        Assert.Equal("with a leader", (await strict.GetAsync("rl/k")).Kvs.Single().ValueString); // nothing was written meanwhile
    }
}
