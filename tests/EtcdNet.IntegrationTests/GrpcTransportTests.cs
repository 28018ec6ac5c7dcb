using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.IntegrationTests;

/// <summary>The three call shapes of the internal transport against real etcd: unary, server streaming, duplex.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class GrpcTransportTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output), IDisposable
{
    private static readonly GrpcMethod<RangeRequest, RangeResponse> Range = new("etcdserverpb.KV", "Range", RangeResponse.Parser, MethodType.Unary, true);
    private static readonly GrpcMethod<SnapshotRequest, SnapshotResponse> Snapshot = new("etcdserverpb.Maintenance", "Snapshot", SnapshotResponse.Parser, MethodType.ServerStreaming, true);
    private static readonly GrpcMethod<WatchRequest, Protocol.Rpc.WatchResponse> Watch = new("etcdserverpb.Watch", "Watch", Protocol.Rpc.WatchResponse.Parser, MethodType.DuplexStreaming, true);

    private readonly GrpcTransport _transport = new(new TransportSettings(
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 2 * 1024 * 1024, int.MaxValue, null, "etcdnet-tests"));

    private GrpcEndpoint Endpoint => GrpcEndpoint.Parse(Cluster.ClientUrls[0]);

    public void Dispose() => _transport.Dispose();

    [Fact]
    public async Task Unary_SendsDeadlineAndReadsOneMessage()
    {
        await Client.PutAsync(Key("u"), "v");

        var response = await _transport.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("u")) }, new CallHeaders(TimeSpan.FromSeconds(5), null), CancellationToken.None);

        Assert.Equal("v", Assert.Single(response.Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public async Task Unary_ServerErrorArrivesAsStatusFromTrailers()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => _transport.UnaryAsync(Endpoint, Range, new RangeRequest(), CallHeaders.None, CancellationToken.None));

        Assert.Equal(CallFailureKind.Status, error.Kind);
        Assert.Equal(GrpcStatusCode.InvalidArgument, error.Status.Code);
        Assert.Equal("etcdserver: key is not provided", error.Status.Message);
    }

    [Fact]
    public async Task ServerStreaming_ReadsEverySnapshotChunkUntilStatusOk()
    {
        await Client.PutAsync(Key("s"), new byte[256 * 1024]); // make the snapshot span several chunks
        await using var call = _transport.StartStreaming(Endpoint, Snapshot, new SnapshotRequest(), CallHeaders.None, CancellationToken.None);

        long total = 0;
        var chunks = 0;
        SnapshotResponse? last = null;
        while (await call.ReadAsync(CancellationToken.None) is { } chunk)
        {
            total += chunk.Blob.Length;
            chunks++;
            last = chunk;
        }

        Assert.True(chunks > 1, $"{chunks} chunks");
        Assert.True(total > 256 * 1024);
        Assert.Equal(0UL, last!.RemainingBytes);
    }

    [Fact]
    public async Task Duplex_CreatesAWatchReceivesAnEventAndCancelsIt()
    {
        await using var call = _transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(Endpoint, Watch, null, CallHeaders.None, CancellationToken.None);
        await call.WriteAsync(new WatchRequest { CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(Key("w")) } }, CancellationToken.None);
        var created = await call.ReadAsync(CancellationToken.None);
        Assert.True(created!.Created);

        var put = await Client.PutAsync(Key("w"), "event");
        var events = await call.ReadAsync(CancellationToken.None);
        await call.WriteAsync(new WatchRequest { CancelRequest = new WatchCancelRequest { WatchId = created.WatchId } }, CancellationToken.None);
        var canceled = await call.ReadAsync(CancellationToken.None);

        var ev = Assert.Single(events!.Events);
        Assert.Equal(put.Header.Revision, ev.Kv.ModRevision);
        Assert.True(canceled!.Canceled);
        Assert.Equal(created.WatchId, canceled.WatchId);
    }

    [Fact]
    public async Task Duplex_CancellingTheReadEndsTheCallPromptly()
    {
        await using var call = _transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(Endpoint, Watch, null, CallHeaders.None, CancellationToken.None);
        await call.WriteAsync(new WatchRequest { CreateRequest = new WatchCreateRequest { Key = ByteString.CopyFromUtf8(Key("idle")) } }, CancellationToken.None);
        Assert.True((await call.ReadAsync(CancellationToken.None))!.Created);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call.ReadAsync(cts.Token));

        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
    }
}
