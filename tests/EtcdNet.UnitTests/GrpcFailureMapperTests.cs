using System.Net.Http;
using System.Net.Sockets;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class GrpcFailureMapperTests
{
    // Fresh per test class instance: endpoints carry state (SpokeGrpc).
    private readonly GrpcEndpoint _endpoint = GrpcEndpoint.Parse("http://e1:2379");

    private GrpcCallException Map(Exception exception, bool requestSent)
    {
        var mapped = GrpcFailureMapper.Map(exception, _endpoint, requestSent, CancellationToken.None);
        Assert.NotNull(mapped);
        Assert.Equal("http://e1:2379", mapped.Endpoint);
        return mapped;
    }

    [Fact]
    public void Cancellation_by_the_caller_is_not_mapped()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Null(GrpcFailureMapper.Map(new OperationCanceledException(cts.Token), _endpoint, true, cts.Token));
        Assert.Null(GrpcFailureMapper.Map(new TaskCanceledException(), _endpoint, false, cts.Token));
    }

    [Theory]
    [InlineData(false, "Connect")]
    [InlineData(true, "Transport")]
    public void Cancellation_not_by_the_caller_is_a_connect_timeout(bool requestSent, string kind)
    {
        var e = Map(new TaskCanceledException("handler timeout"), requestSent);
        Assert.Equal(Enum.Parse<CallFailureKind>(kind), e.Kind);
        Assert.Equal(requestSent, e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.Contains("DialTimeout", e.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_GrpcCallException_passes_through()
    {
        var call = new GrpcCallException(new GrpcStatus(GrpcStatusCode.NotFound, "x"), CallFailureKind.Status, true, "other");
        Assert.Same(call, GrpcFailureMapper.Map(call, _endpoint, false, CancellationToken.None));
    }

    [Fact]
    public void Oversize_and_disposed_exceptions_are_not_mapped()
    {
        Assert.Null(GrpcFailureMapper.Map(new GrpcMessageTooLargeException(10, 5), _endpoint, false, CancellationToken.None));
        Assert.Null(GrpcFailureMapper.Map(new ObjectDisposedException("client"), _endpoint, true, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Invalid_frames_are_internal_transport_failures(bool requestSent)
    {
        var e = Map(new InvalidDataException("bad frame"), requestSent);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.Equal(GrpcStatusCode.Internal, e.Status.Code);
        Assert.Equal("bad frame", e.Status.Message);
        Assert.Equal(requestSent, e.RequestSent);
    }

    [Fact]
    public void REFUSED_STREAM_means_the_request_was_not_processed()
    {
        var e = Map(new HttpRequestException("reset", new HttpProtocolException(0x7, "The HTTP/2 server reset the stream. HTTP/2 error code 'REFUSED_STREAM' (0x7).", null)), requestSent: true);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.False(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
    }

    [Theory]
    [InlineData(0x8L, GrpcStatusCode.Cancelled)]
    [InlineData(0xbL, GrpcStatusCode.ResourceExhausted)]
    [InlineData(0xcL, GrpcStatusCode.PermissionDenied)]
    [InlineData(0x2L, GrpcStatusCode.Unavailable)]   // Internal is reported as Unavailable: the stream broke
    [InlineData(0x0L, GrpcStatusCode.Unavailable)]
    public void Other_HTTP2_errors_keep_the_request_sent_flag(long errorCode, GrpcStatusCode expected)
    {
        var e = Map(new HttpProtocolException(errorCode, "The HTTP/2 server reset the stream.", null), requestSent: true);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(expected, e.Status.Code);
        Assert.Contains("http://e1:2379", e.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PROTOCOL_ERROR_from_an_endpoint_that_never_spoke_gRPC_is_a_protocol_failure()
    {
        Assert.False(_endpoint.SpokeGrpc);
        var e = Map(new HttpRequestException("bad", new HttpProtocolException(0x1, "The HTTP/2 server sent invalid data on the connection.", null)), requestSent: true);
        Assert.Equal(CallFailureKind.Protocol, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.Contains("does not speak HTTP/2", e.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PROTOCOL_ERROR_from_an_endpoint_that_spoke_gRPC_is_a_transport_failure()
    {
        _endpoint.MarkSpokeGrpc();
        var e = Map(new HttpProtocolException(0x1, "The HTTP/2 server reset the stream.", null), requestSent: true);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, true)]
    [InlineData(HttpRequestError.NameResolutionError, false)]
    [InlineData(HttpRequestError.ConnectionError, false)]
    [InlineData(HttpRequestError.ProxyTunnelError, false)]
    [InlineData(HttpRequestError.SecureConnectionError, false)]
    [InlineData(HttpRequestError.SecureConnectionError, true)]
    public void Connection_setup_errors_are_connect_failures(HttpRequestError error, bool requestSent)
    {
        var e = Map(new HttpRequestException(error, "failed"), requestSent);
        Assert.Equal(CallFailureKind.Connect, e.Kind);
        Assert.False(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
    }

    [Fact]
    public void A_TLS_session_rejected_after_the_handshake_is_a_connect_failure_on_https()
    {
        var tls = GrpcEndpoint.Parse("https://e1:2379");
        var rejected = new HttpRequestException("An error occurred while sending the request.",
            new ObjectDisposedException("System.Net.Security.SslStream"));

        var mapped = GrpcFailureMapper.Map(rejected, tls, requestSent: true, CancellationToken.None)!;

        Assert.Equal(CallFailureKind.Connect, mapped.Kind);
        Assert.False(mapped.RequestSent);
        Assert.Contains("client certificates", mapped.Status.Message, StringComparison.Ordinal);
        var plain = GrpcFailureMapper.Map(rejected, GrpcEndpoint.Parse("http://e1:2379"), requestSent: true, CancellationToken.None)!;
        Assert.Equal(CallFailureKind.Transport, plain.Kind);
    }

    [Fact]
    public void A_TLS_failure_says_so()
    {
        var e = Map(new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established."), false);
        Assert.StartsWith("TLS handshake with http://e1:2379 failed", e.Status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpRequestError.VersionNegotiationError, true)]
    [InlineData(HttpRequestError.InvalidResponse, true)]
    [InlineData(HttpRequestError.HttpProtocolError, false)]
    public void Non_HTTP2_peers_are_protocol_failures(HttpRequestError error, bool requestSent)
    {
        var e = Map(new HttpRequestException(error, "nope"), requestSent);
        Assert.Equal(CallFailureKind.Protocol, e.Kind);
        Assert.Equal(requestSent, e.RequestSent);
    }

    [Fact]
    public void A_connection_error_after_sending_is_a_transport_failure()
    {
        var e = Map(new HttpRequestException(HttpRequestError.ConnectionError, "reset"), requestSent: true);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
    }

    [Fact]
    public void A_socket_error_before_sending_is_a_connect_failure()
    {
        var e = Map(new IOException("io", new SocketException((int)SocketError.ConnectionRefused)), requestSent: false);
        Assert.Equal(CallFailureKind.Connect, e.Kind);
        Assert.False(e.RequestSent);
    }

    [Fact]
    public void Anything_else_is_an_unavailable_transport_failure_with_the_inner_reason()
    {
        var e = Map(new IOException("outer", new InvalidOperationException("root cause")), requestSent: true);
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.Equal("connection to http://e1:2379 failed: outer (root cause)", e.Status.Message);
    }

    [Fact]
    public void NotGrpc_builds_a_protocol_failure()
    {
        var inner = new InvalidOperationException();
        var e = GrpcFailureMapper.NotGrpc(_endpoint, "it answered HTTP 404 Not Found", requestSent: true, inner);
        Assert.Equal(CallFailureKind.Protocol, e.Kind);
        Assert.True(e.RequestSent); // honest: a proxy could have forwarded it
        Assert.False(GrpcFailureMapper.NotGrpc(_endpoint, "x", requestSent: false).RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.StartsWith("http://e1:2379 is not an etcd gRPC endpoint: it answered HTTP 404 Not Found.", e.Status.Message, StringComparison.Ordinal);
        Assert.Same(inner, e.InnerException);
    }
}
