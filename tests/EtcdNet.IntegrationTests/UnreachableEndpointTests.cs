using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Endpoints that are down, or that answer but are not etcd.</summary>
public sealed class UnreachableEndpointTests
{
    private static readonly TimeSpan DialTimeout = TimeSpan.FromSeconds(2);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task AllEndpointsDown_ThrowsUnavailableNamingEachEndpoint_WithinDialTimeoutPlus1s()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        string[] endpoints = [cluster.ClientUrls[0], $"http://127.0.0.1:{ClosedPort()}"];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints, DialTimeout = DialTimeout });
        await client.PutAsync("k", "v");
        await cluster.Members[0].KillAsync();

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.GetAsync("k"));

        Assert.True(watch.Elapsed < DialTimeout + TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(endpoints.Order(), error.Failures.Select(f => f.Endpoint).Distinct().Order());
        Assert.All(endpoints, e => Assert.Contains(e, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteToDownEndpoints_IsNotApplied_AndSucceedsOnceAMemberIsBack()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls, DialTimeout = DialTimeout });
        await cluster.Members[0].StopAsync();

        await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.PutAsync("k", "v"));
        await cluster.Members[0].StartAsync();
        var put = await client.PutAsync("k", "v2");

        var kv = Assert.Single((await client.GetAsync("k")).Kvs);
        Assert.Equal(1, kv.Version);
        Assert.Equal(put.Header.Revision, kv.ModRevision);
    }

    [Fact]
    public async Task Http1Server_GivesANotEtcdError()
    {
        var (port, server) = NotEtcdServers.StartHttp1();
        await using (server)
        {
            await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [$"http://127.0.0.1:{port}"], DialTimeout = DialTimeout });

            var watch = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<EtcdProtocolException>(() => client.GetAsync("k"));

            Assert.Contains("is not an etcd gRPC endpoint", error.Message, StringComparison.Ordinal);
            Assert.Contains("HTTP/2", error.Message, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task Http2WebServer_GivesANotEtcdError()
    {
        var (port, server) = await NotEtcdServers.StartHttp2Async();
        await using (server)
        {
            await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [$"http://127.0.0.1:{port}"], DialTimeout = DialTimeout });

            var error = await Assert.ThrowsAsync<EtcdProtocolException>(() => client.PutAsync("k", "v"));

            Assert.Contains("is not an etcd gRPC endpoint", error.Message, StringComparison.Ordinal);
            Assert.Contains("404", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NotEtcdEndpointBesideARealOne_CallsStillSucceed()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        var (port, server) = NotEtcdServers.StartHttp1();
        await using (server)
        {
            await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [$"http://127.0.0.1:{port}", cluster.ClientUrls[0]], DialTimeout = DialTimeout });

            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(i + 2, (await client.PutAsync("k", "v")).Header.Revision);
            }
        }
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task WritesAreNeverSentToAnEndpointNotProvenToBeEtcd(int statusCode)
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        var paths = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (port, server) = await NotEtcdServers.StartHttp2Async(statusCode, paths);
        await using (server)
        {
            await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [$"http://127.0.0.1:{port}", cluster.ClientUrls[0]], DialTimeout = DialTimeout });
            await using var fakeOnly = new EtcdClient(new EtcdClientOptions { Endpoints = [$"http://127.0.0.1:{port}"], DialTimeout = DialTimeout });

            for (var i = 0; i < 4; i++)
            {
                await client.PutAsync("k", $"v{i}");
            }

            await Assert.ThrowsAsync<EtcdProtocolException>(() => fakeOnly.PutAsync("k", "never"));

            Assert.Equal(4, (await client.GetAsync("k")).Kvs[0].Version);
            Assert.NotEmpty(paths);
            Assert.All(paths, p => Assert.Equal("/etcdserverpb.Maintenance/Status", p)); // only the harmless check, never a write
        }
    }

    [Fact]
    public async Task BlackHoledEndpoint_FailsAfterDialTimeout()
    {
        using var blackHole = new BlackHoleEndpoint();
        Assert.True(await blackHole.SwallowsConnectionsAsync(TimeSpan.FromMilliseconds(500)));
        var dialTimeout = TimeSpan.FromSeconds(1);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [blackHole.Url], DialTimeout = dialTimeout });

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.GetAsync("k"));

        Assert.InRange(watch.Elapsed, dialTimeout * 0.9, dialTimeout + TimeSpan.FromSeconds(1));
        Assert.Contains("DialTimeout", Assert.Single(error.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlackHoledEndpointBesideALiveOne_CallsSucceedAndLaterSkipIt()
    {
        await using var cluster = await EtcdCluster.StartAsync(1);
        using var blackHole = new BlackHoleEndpoint();
        var dialTimeout = TimeSpan.FromSeconds(1);
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [blackHole.Url, cluster.ClientUrls[0]], DialTimeout = dialTimeout });

        await client.PutAsync("k", "v"); // waits one DialTimeout on the black hole (picked first), then goes to the live member

        // The black hole stays set aside past its backoffs (it never answers the background probe), so no read waits on it.
        var reads = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var count = 0;
        while (reads.Elapsed < TimeSpan.FromSeconds(3))
        {
            var read = Stopwatch.StartNew();
            Assert.Equal("v", (await client.GetAsync("k")).Kvs[0].ValueString);
            slowest = read.Elapsed > slowest ? read.Elapsed : slowest;
            count++;
            await Task.Delay(20);
        }

        Assert.True(slowest < dialTimeout * 0.9, $"the slowest of {count} reads took {slowest}"); // one that met the black hole takes a dial timeout
    }

    [Fact]
    public async Task APausedMember_TimesOutOneCall_ThenCallsGoElsewhere()
    {
        await using var cluster = await EtcdCluster.StartAsync(2);
        var paused = cluster.Members[1];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls, RequestTimeout = TimeSpan.FromSeconds(2) });
        var local = new GetOptions { Serializable = true }; // one member alone has no quorum, but answers serializable reads
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync("k", local); // both connections up
        }

        paused.Pause();
        try
        {
            var timeouts = 0;
            for (var i = 0; i < 10; i++)
            {
                try
                {
                    await client.GetAsync("k", local);
                }
                catch (EtcdTimeoutException)
                {
                    timeouts++;
                }
            }

            // Round robin sends one of the first two reads to the paused member; its silence puts it on probation,
            // and it never answers the background check. (The connection's keep-alive would notice only after 15 s.)
            Assert.Equal(1, timeouts);
            Assert.True(client.Invoker.Pool.IsSetAside(1));
        }
        finally
        {
            paused.Resume();
        }
    }

    [Fact]
    public async Task AStoppedMember_RejoinsOnceItAnswersTheProbe()
    {
        await using var cluster = await EtcdCluster.StartAsync(2);
        var stopped = cluster.Members[1];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = cluster.ClientUrls });
        var stoppedId = (await client.Maintenance.StatusAsync(stopped.ClientUrl)).Header.MemberId;
        await stopped.KillAsync();
        for (var i = 0; i < 4; i++)
        {
            await client.GetAsync("k", new GetOptions { Serializable = true }); // one of them is refused: the member goes on probation
        }

        Assert.True(client.Invoker.Pool.IsSetAside(1));
        await stopped.StartAsync();
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("k", new GetOptions { Serializable = true })).Header.MemberId == stoppedId,
            TimeSpan.FromSeconds(30), "reads reach the restarted member again");
    }
}
