using System.Net;
using System.Net.Sockets;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using EtcdNet.Transport.Http2;
using Google.Protobuf;

namespace EtcdNet.IntegrationTests;

/// <summary>The client's own HTTP/2 connection for unary calls, against real etcd: messages, flow control, limits, cancellation, failures.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class Http2ConnectionTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output), IDisposable
{
    private static readonly GrpcMethod<RangeRequest, RangeResponse> Range = new("etcdserverpb.KV", "Range", RangeResponse.Parser, MethodType.Unary, true);
    private static readonly GrpcMethod<PutRequest, Protocol.Rpc.PutResponse> Put = new("etcdserverpb.KV", "Put", Protocol.Rpc.PutResponse.Parser, MethodType.Unary, false);

    private readonly Http2Transport _transport = new(Settings(int.MaxValue), inlineCompletion: true);

    private GrpcEndpoint Endpoint => GrpcEndpoint.Parse(Cluster.ClientUrls[0]);

    public void Dispose() => _transport.Dispose();

    private static TransportSettings Settings(int maxReceive)
        => new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 8 * 1024 * 1024, maxReceive, null, "etcdnet-tests");

    [Fact]
    public async Task A_request_larger_than_every_flow_control_window_arrives_whole()
    {
        // 1.4 MB (under etcd's request limit): more than the server's initial stream and connection windows (64 KiB), so the request waits for WINDOW_UPDATEs.
        var value = ByteString.CopyFrom(Enumerable.Range(0, 1400 << 10).Select(i => (byte)i).ToArray());
        await _transport.UnaryAsync(Endpoint, Put, new PutRequest { Key = ByteString.CopyFromUtf8(Key("big")), Value = value }, CallHeaders.None, CancellationToken.None);

        var response = await _transport.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("big")) }, CallHeaders.None, CancellationToken.None);

        Assert.Equal(value, Assert.Single(response.Kvs).Value);
    }

    [Fact]
    public async Task Many_concurrent_calls_each_get_their_own_answer()
    {
        var keys = Enumerable.Range(0, 200).Select(i => Key("c" + i)).ToArray();
        await Task.WhenAll(keys.Select(k => _transport.UnaryAsync(Endpoint, Put, new PutRequest { Key = ByteString.CopyFromUtf8(k), Value = ByteString.CopyFromUtf8("v-" + k) }, CallHeaders.None, CancellationToken.None)));

        var answers = await Task.WhenAll(keys.Select(k => _transport.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(k) }, CallHeaders.None, CancellationToken.None)));

        Assert.Equal(keys.Select(k => "v-" + k), answers.Select(a => Assert.Single(a.Kvs).Value.ToStringUtf8()));
    }

    [Fact]
    public async Task An_answer_over_the_receive_limit_fails_the_call_but_not_the_connection()
    {
        using var small = new Http2Transport(Settings(1024), inlineCompletion: true);
        await Client.PutAsync(Key("large"), new string('x', 4096));

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => small.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("large")) }, CallHeaders.None, CancellationToken.None));
        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.Status.Code);
        Assert.Contains("MaxReceiveMessageSize", error.Message, StringComparison.Ordinal);

        await Client.PutAsync(Key("small"), "v");
        var next = await small.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("small")) }, CallHeaders.None, CancellationToken.None);
        Assert.Equal("v", Assert.Single(next.Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public async Task A_server_error_arrives_as_its_status()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => _transport.UnaryAsync(Endpoint, Range, new RangeRequest(), CallHeaders.None, CancellationToken.None));

        Assert.Equal(CallFailureKind.Status, error.Kind);
        Assert.Equal(GrpcStatusCode.InvalidArgument, error.Status.Code);
        Assert.Equal("etcdserver: key is not provided", error.Status.Message);
    }

    [Fact]
    public async Task A_continuation_that_blocks_on_another_call_does_not_stall_the_connection()
    {
        await Client.PutAsync(Key("b"), "v");
        var request = new RangeRequest { Key = ByteString.CopyFromUtf8(Key("b")) };

        var nested = Task.Run(async () =>
        {
            await _transport.UnaryAsync(Endpoint, Range, request, CallHeaders.None, CancellationToken.None);
            // This continuation may run on the connection's reader; waiting here needs another thread to read the answer.
            return _transport.UnaryAsync(Endpoint, Range, request, CallHeaders.None, CancellationToken.None).GetAwaiter().GetResult();
        });

        var response = await nested.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("v", Assert.Single(response.Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public async Task Cancelling_a_call_ends_it_promptly_and_the_connection_stays_usable()
    {
        await Client.PutAsync(Key("k"), "v");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _transport.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("k")) }, CallHeaders.None, cts.Token));

        var response = await _transport.UnaryAsync(Endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8(Key("k")) }, CallHeaders.None, CancellationToken.None);
        Assert.Equal("v", Assert.Single(response.Kvs).Value.ToStringUtf8());
    }

    [Fact]
    public async Task A_peer_that_answers_with_HTTP_1_is_not_an_etcd_endpoint_and_nothing_was_sent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            await Task.Delay(2000);
        });
        var endpoint = GrpcEndpoint.Parse($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => _transport.UnaryAsync(endpoint, Range, new RangeRequest { Key = ByteString.CopyFromUtf8("k") }, CallHeaders.None, CancellationToken.None));

        Assert.Equal(CallFailureKind.Protocol, error.Kind);
        Assert.False(error.RequestSent);
        Assert.Contains("is not an etcd gRPC endpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_fails_as_not_sent()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<GrpcCallException>(() => _transport.UnaryAsync(GrpcEndpoint.Parse($"127.0.0.1:{port}"), Range, new RangeRequest { Key = ByteString.CopyFromUtf8("k") }, CallHeaders.None, CancellationToken.None));

        Assert.Equal(CallFailureKind.Connect, error.Kind);
        Assert.Equal(ConnectionFault.Refused, error.Fault);
        Assert.False(error.RequestSent);
    }
}
