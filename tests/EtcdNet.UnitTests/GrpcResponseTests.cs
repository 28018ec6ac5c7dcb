using System.Net;
using System.Net.Http.Headers;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class GrpcResponseTests
{
    // Fresh per test class instance: endpoints carry state (SpokeGrpc).
    private readonly GrpcEndpoint _endpoint = GrpcEndpoint.Parse("http://e1:2379");

    private static HttpResponseMessage Response(HttpStatusCode status = HttpStatusCode.OK, string? contentType = "application/grpc", string? grpcStatus = null, string? grpcMessage = null, byte[]? body = null)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body ?? []) };
        if (contentType is not null)
        {
            response.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (grpcStatus is not null)
        {
            response.Headers.TryAddWithoutValidation("grpc-status", grpcStatus);
        }

        if (grpcMessage is not null)
        {
            response.Headers.TryAddWithoutValidation("grpc-message", grpcMessage);
        }

        return response;
    }

    private async Task<GrpcCallException> OpenFails(HttpResponseMessage response)
    {
        using (response)
        {
            return await Assert.ThrowsAsync<GrpcCallException>(() => GrpcResponse.OpenAsync(response, _endpoint, requestSent: true, streaming: false, CancellationToken.None).AsTask());
        }
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("APPLICATION/GRPC")]
    public async Task A_grpc_response_opens_its_body(string contentType)
    {
        using var response = Response(contentType: contentType, body: [0, 0, 0, 0, 0]);
        Assert.False(_endpoint.SpokeGrpc);
        var stream = await GrpcResponse.OpenAsync(response, _endpoint, requestSent: true, streaming: false, CancellationToken.None);
        Assert.True(_endpoint.SpokeGrpc);
        var buffer = new byte[16];
        Assert.Equal(5, await stream.ReadAtLeastAsync(buffer, 16, throwOnEndOfStream: false));
    }

    [Fact]
    public async Task A_trailers_only_error_is_a_status_failure()
    {
        var e = await OpenFails(Response(grpcStatus: "14", grpcMessage: "etcdserver%3A%20no%20leader"));
        Assert.Equal(CallFailureKind.Status, e.Kind);
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unavailable, "etcdserver: no leader"), e.Status);
        Assert.True(e.RequestSent);
        Assert.Equal("http://e1:2379", e.Endpoint);
        Assert.True(_endpoint.SpokeGrpc);
    }

    [Fact]
    public async Task A_trailers_only_OK_without_a_message_is_an_internal_transport_failure()
    {
        var e = await OpenFails(Response(grpcStatus: "0"));
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.Equal(GrpcStatusCode.Internal, e.Status.Code);
        Assert.True(e.RequestSent);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task A_non_grpc_content_type_means_the_endpoint_is_not_etcd(string? contentType)
    {
        var e = await OpenFails(Response(contentType: contentType));
        Assert.Equal(CallFailureKind.Protocol, e.Kind);
        Assert.True(e.RequestSent);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.Contains(contentType ?? "(none)", e.Status.Message, StringComparison.Ordinal);
        Assert.Contains("not an etcd gRPC endpoint", e.Status.Message, StringComparison.Ordinal);
        Assert.False(_endpoint.SpokeGrpc);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.MovedPermanently)]
    public async Task A_non_200_status_without_grpc_status_means_the_endpoint_is_not_etcd(HttpStatusCode status)
    {
        var e = await OpenFails(Response(status, contentType: "text/plain"));
        Assert.Equal(CallFailureKind.Protocol, e.Kind);
        Assert.Contains($"HTTP {(int)status}", e.Status.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_non_200_status_meaning_unavailable_is_a_transport_failure(HttpStatusCode status)
    {
        var e = await OpenFails(Response(status, contentType: "text/plain"));
        Assert.Equal(CallFailureKind.Transport, e.Kind);
        Assert.Equal(GrpcStatusCode.Unavailable, e.Status.Code);
        Assert.True(e.RequestSent);
    }

    [Fact]
    public async Task A_non_200_status_with_a_grpc_status_uses_the_grpc_status()
    {
        var e = await OpenFails(Response(HttpStatusCode.InternalServerError, grpcStatus: "8", grpcMessage: "etcdserver: too many requests"));
        Assert.Equal(CallFailureKind.Status, e.Kind);
        Assert.Equal(new GrpcStatus(GrpcStatusCode.ResourceExhausted, "etcdserver: too many requests"), e.Status);
    }

    [Fact]
    public void ThrowIfFailed_accepts_OK_trailers()
    {
        using var response = Response();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "0");
        GrpcResponse.ThrowIfFailed(response, _endpoint);
    }

    [Fact]
    public void ThrowIfFailed_throws_the_trailer_status()
    {
        using var response = Response();
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", "11");
        response.TrailingHeaders.TryAddWithoutValidation("grpc-message", "etcdserver: mvcc: required revision has been compacted");
        var e = Assert.Throws<GrpcCallException>(() => GrpcResponse.ThrowIfFailed(response, _endpoint));
        Assert.Equal(CallFailureKind.Status, e.Kind);
        Assert.Equal(new GrpcStatus(GrpcStatusCode.OutOfRange, "etcdserver: mvcc: required revision has been compacted"), e.Status);
    }

    [Fact]
    public void ThrowIfFailed_throws_Internal_when_the_trailer_is_missing()
    {
        using var response = Response();
        var e = Assert.Throws<GrpcCallException>(() => GrpcResponse.ThrowIfFailed(response, _endpoint));
        Assert.Equal(GrpcStatusCode.Internal, e.Status.Code);
        Assert.Contains("grpc-status trailer", e.Status.Message, StringComparison.Ordinal);
    }
}
