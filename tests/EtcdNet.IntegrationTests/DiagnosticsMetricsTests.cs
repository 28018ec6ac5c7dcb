using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests;

/// <summary>The EtcdNet meter on real etcd: call durations with the RPC tags, and watch resumes after a member dies.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class DiagnosticsMetricsTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    [Theory]
    [InlineData(EtcdProtocol.Grpc)]
    [InlineData(EtcdProtocol.JsonGateway)] // the same instruments and tags over the gateway
    public async Task PutAndGet_RecordOneDurationEach_WithTheRpcTags(EtcdProtocol protocol)
    {
        var member = Cluster.Members[0];
        using var meter = new MeterRecorder();
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [member.ClientUrl], Protocol = protocol });

        await client.PutAsync("metrics/a", "1");
        await client.GetAsync("metrics/a");

        var durations = meter.Of("rpc.client.duration").Where(m => m.Tag("server.port") is int port && port == member.ClientPort).ToList();
        var put = Assert.Single(durations, m => (string?)m.Tag("rpc.method") == "Put");
        var get = Assert.Single(durations, m => (string?)m.Tag("rpc.method") == "Range");
        foreach (var m in new[] { put, get })
        {
            Assert.Equal("grpc", m.Tag("rpc.system"));
            Assert.Equal("etcdserverpb.KV", m.Tag("rpc.service"));
            Assert.Equal(0, m.Tag("rpc.grpc.status_code"));
            Assert.Equal(new Uri(member.ClientUrl).Host, m.Tag("server.address"));
            Assert.InRange(m.Value, 1e-6, 10);
        }

        // Every attempt that started in flight also ended.
        var active = meter.Of("etcdnet.client.calls.active").Where(m => m.Tag("server.port") is int port && port == member.ClientPort).ToList();
        Assert.Equal(2, active.Count(m => m.Value == 1));
        Assert.Equal(0, active.Sum(m => m.Value));
    }

    [Fact]
    public async Task KillingTheWatchStreamsMember_MovesTheResumeCounter_AndTheEventStillArrives()
    {
        using var meter = new MeterRecorder();
        await using var watching = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = Cluster.ClientUrls,
            KeepAliveTime = TimeSpan.FromSeconds(5),
            KeepAliveTimeout = TimeSpan.FromSeconds(1),
        });
        await using var watch = await WatchRecorder.StartAsync(watching, "resume/", new WatchOptions { Prefix = true });
        var served = Cluster.Members.Single(m => m.ClientUrl == watching.WatchInternals.PlainStream.CurrentEndpoint);
        Assert.Equal(1, meter.Sum("etcdnet.watch.streams.opened"));
        Assert.Equal(0, meter.Sum("etcdnet.watch.resumes"));

        await served.KillAsync();
        await Cluster.WaitForLeaderAsync();
        await using var writing = new EtcdClient(Cluster.Members.Where(m => m != served).Select(m => m.ClientUrl).ToArray());
        var put = await writing.PutAsync("resume/after-kill", "v");

        var events = await watch.EventsAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal(put.Header.Revision, Assert.Single(events).Kv.ModRevision);
        Assert.True(meter.Sum("etcdnet.watch.resumes") >= 1, "the watch was re-created on another member");
        Assert.True(meter.Sum("etcdnet.watch.streams.opened") >= 2);
        Assert.Equal(1, meter.Sum("etcdnet.watch.events"));
        Assert.NotEqual(served.ClientUrl, watching.WatchInternals.PlainStream.CurrentEndpoint);
    }

    [Fact]
    public async Task ARevokedKeptAliveLease_IsCountedAndLoggedAsLost_WithItsIdAndReason()
    {
        using var meter = new MeterRecorder();
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, LoggerFactory = factory });
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(3));
        await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);

        await client.Lease.RevokeAsync(lease.Id);
        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(15)));

        Assert.Equal(LeaseLostReason.NotFound, lost.Reason);
        var counted = Assert.Single(meter.Of("etcdnet.lease.lost"));
        Assert.Equal("not_found", counted.Tag("reason"));
        var log = Assert.Single(capture.Logs, l => l.EventId.Id == 3001);
        Assert.Equal("LeaseLost", log.EventId.Name);
        Assert.Equal(lease.Id, log.Value("LeaseId"));
        Assert.Equal(LogLevel.Warning, log.Level);
    }
}
