using EtcdNet.IntegrationTests.Infrastructure;
using System.Diagnostics;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The EtcdNet activity source on real etcd: one client span per RPC, with its outcome.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class DiagnosticsTracingTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    [Fact]
    public async Task EachRpc_IsOneClientActivity_WithMethodAndStatus_AndACompactedRangeIsAnError()
    {
        var member = Cluster.Members[0];
        using var traces = new ActivityRecorder();
        await using var client = new EtcdClient(member.ClientUrl);

        var first = await client.PutAsync("trace/k", "1");
        await client.PutAsync("trace/k", "2");
        await client.GetAsync("trace/k");
        await client.CompactAsync(first.Header.Revision + 1);
        await Assert.ThrowsAsync<EtcdCompactedException>(() => client.GetAsync("trace/k", new GetOptions { Revision = first.Header.Revision }));

        var spans = traces.To(member.ClientPort);
        Assert.Equal(["etcdserverpb.KV/Put", "etcdserverpb.KV/Put", "etcdserverpb.KV/Range", "etcdserverpb.KV/Compact", "etcdserverpb.KV/Range"], spans.Select(a => a.DisplayName));
        foreach (var span in spans)
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal("grpc", span.GetTagItem("rpc.system"));
            Assert.Equal("etcdserverpb.KV", span.GetTagItem("rpc.service"));
            Assert.Equal(span.DisplayName.Split('/')[1], span.GetTagItem("rpc.method"));
            Assert.Equal(new Uri(member.ClientUrl).Host, span.GetTagItem("server.address"));
        }

        Assert.All(spans[..4], span =>
        {
            Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        });
        var compacted = spans[4];
        Assert.Equal((int)GrpcStatusCode.OutOfRange, compacted.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, compacted.Status);
        Assert.Equal("OutOfRange", compacted.GetTagItem("error.type"));
    }

    [Fact]
    public async Task AnExpiredDeadline_IsDeadlineExceeded_AndTheCallersCancellation_IsCancelled()
    {
        var member = Cluster.Members[0];
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = [member.ClientUrl], RequestTimeout = TimeSpan.FromSeconds(1) });
        await client.GetAsync("trace/warm"); // connected
        using var traces = new ActivityRecorder();
        member.Pause();
        try
        {
            await Assert.ThrowsAsync<EtcdTimeoutException>(() => client.GetAsync("trace/late"));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)); // well before the 1 s deadline
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync("trace/late", cancellationToken: cancel.Token));
        }
        finally
        {
            member.Resume();
        }

        var spans = traces.To(member.ClientPort);
        Assert.Equal(2, spans.Count);
        Assert.Equal((int)GrpcStatusCode.DeadlineExceeded, spans[0].GetTagItem("rpc.grpc.status_code"));
        Assert.Equal((int)GrpcStatusCode.Cancelled, spans[1].GetTagItem("rpc.grpc.status_code"));
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Error, span.Status));
    }

    [Fact]
    public async Task EndpointCalls_AndASingleKeepAlive_AreSpansToo()
    {
        var member = Cluster.Members[0];
        await using var client = new EtcdClient(member.ClientUrl);
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        using var traces = new ActivityRecorder();

        await client.Maintenance.StatusAsync(member.ClientUrl);
        await client.Lease.KeepAliveOnceAsync(lease.Id);
        await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => client.Lease.KeepAliveOnceAsync(lease.Id + 1));

        var spans = traces.To(member.ClientPort);
        Assert.Equal(["etcdserverpb.Maintenance/Status", "etcdserverpb.Lease/LeaseKeepAlive", "etcdserverpb.Lease/LeaseKeepAlive"], spans.Select(a => a.DisplayName));
        Assert.All(spans, span => Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"))); // an unknown lease is an answer (TTL -1), not an error status
    }

    [Fact]
    public async Task SpansAreChildrenOfTheCallersActivity()
    {
        var member = Cluster.Members[0];
        using var traces = new ActivityRecorder();
        using var parentSource = new ActivitySource("EtcdNet.Tests.Parent");
        using var parentListener = new ActivityListener
        {
            ShouldListenTo = s => s == parentSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(parentListener);
        await using var client = new EtcdClient(member.ClientUrl);

        using (var parent = parentSource.StartActivity("operation"))
        {
            await client.GetAsync("trace/parent");
            var span = Assert.Single(traces.To(member.ClientPort));
            Assert.Equal(parent!.TraceId, span.TraceId);
            Assert.Equal(parent.SpanId, span.ParentSpanId);
        }
    }
}
