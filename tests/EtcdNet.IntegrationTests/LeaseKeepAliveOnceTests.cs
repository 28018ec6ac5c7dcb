using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>KeepAliveOnce: one renewal on a short-lived stream of its own.</summary>
[Collection(LeaseKeepAliveCollection.Name)]
public class LeaseKeepAliveOnceTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    [Fact]
    public async Task KeepAliveOnce_RenewsTheLease_BackToItsFullTtl()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // let the remaining time run down
        var before = await client.Lease.TimeToLiveAsync(lease.Id);
        Assert.InRange(before.Ttl, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));

        var renewal = await client.Lease.KeepAliveOnceAsync(lease.Id);

        Assert.Equal(lease.Id, renewal.Id);
        Assert.Equal(TimeSpan.FromSeconds(10), renewal.Ttl);
        Assert.NotEqual(0UL, renewal.Header.ClusterId);
        var after = await client.Lease.TimeToLiveAsync(lease.Id);
        Assert.InRange(after.Ttl, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        Output.WriteLine($"TTL before {before.Ttl.TotalSeconds} s, after {after.Ttl.TotalSeconds} s");
    }

    [Fact]
    public async Task KeepAliveOnce_OnALeaseThatNeverExisted_ThrowsLeaseNotFound()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);
        var error = await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => client.Lease.KeepAliveOnceAsync(0x7eadbeef1234));
        Assert.Equal(GrpcStatusCode.NotFound, error.StatusCode);
        Assert.Equal(Cluster.ClientUrls[0], error.Endpoint);
    }

    [Fact]
    public async Task KeepAliveOnce_OnARevokedLease_ThrowsLeaseNotFound()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        await client.Lease.KeepAliveOnceAsync(lease.Id);
        await client.Lease.RevokeAsync(lease.Id);

        await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => client.Lease.KeepAliveOnceAsync(lease.Id));
    }

    [Fact]
    public async Task KeepAliveOnce_AndKeepAlive_RejectIdsThatCanNeverExist()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Lease.KeepAliveOnceAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Lease.KeepAliveOnceAsync(-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Lease.KeepAliveAsync(0));
    }

    [Fact]
    public async Task KeepAliveOnce_HonoursCancellation()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Lease.KeepAliveOnceAsync(1, cts.Token));
        Assert.Equal(cts.Token, error.CancellationToken);
    }
}
