using System.Net.Http.Headers;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class GrpcStatusTests
{
    private static HttpResponseHeaders Headers(string? status, string? message = null)
    {
        var headers = new HttpResponseMessage().Headers;
        if (status is not null)
        {
            Assert.True(headers.TryAddWithoutValidation("grpc-status", status));
        }

        if (message is not null)
        {
            Assert.True(headers.TryAddWithoutValidation("grpc-message", message));
        }

        return headers;
    }

    [Fact]
    public void TryRead_returns_null_without_grpc_status()
    {
        Assert.Null(GrpcStatus.TryRead(new HttpResponseMessage().Headers));
        Assert.Null(GrpcStatus.TryRead(Headers(null, "etcdserver: no leader")));
    }

    [Fact]
    public void TryRead_reads_OK_without_message()
    {
        var status = GrpcStatus.TryRead(Headers("0"));
        Assert.Equal(new GrpcStatus(GrpcStatusCode.OK, null), status);
        Assert.Equal(GrpcStatus.Ok, status);
    }

    [Theory]
    [InlineData("1", GrpcStatusCode.Cancelled)]
    [InlineData("3", GrpcStatusCode.InvalidArgument)]
    [InlineData("4", GrpcStatusCode.DeadlineExceeded)]
    [InlineData("11", GrpcStatusCode.OutOfRange)]
    [InlineData("14", GrpcStatusCode.Unavailable)]
    [InlineData("16", GrpcStatusCode.Unauthenticated)]
    public void TryRead_reads_code_and_message(string raw, GrpcStatusCode expected)
    {
        var status = GrpcStatus.TryRead(Headers(raw, "etcdserver: something"));
        Assert.NotNull(status);
        Assert.Equal(expected, status.Value.Code);
        Assert.Equal("etcdserver: something", status.Value.Message);
    }

    [Fact]
    public void TryRead_reads_trailing_headers()
    {
        var trailers = new HttpResponseMessage().TrailingHeaders;
        trailers.TryAddWithoutValidation("grpc-status", "9");
        trailers.TryAddWithoutValidation("grpc-message", "etcdserver%3A%20not%20leader");
        Assert.Equal(new GrpcStatus(GrpcStatusCode.FailedPrecondition, "etcdserver: not leader"), GrpcStatus.TryRead(trailers));
    }

    [Theory]
    [InlineData("17")]
    [InlineData("99")]
    [InlineData("2147483647")]
    public void TryRead_maps_out_of_range_codes_to_Unknown_and_keeps_the_message(string raw)
    {
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unknown, "boom"), GrpcStatus.TryRead(Headers(raw, "boom")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("0x0e")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999")]
    public void TryRead_maps_an_unparseable_status_to_Unknown(string raw)
    {
        var status = GrpcStatus.TryRead(Headers(raw, "ignored"));
        Assert.NotNull(status);
        Assert.Equal(GrpcStatusCode.Unknown, status.Value.Code);
        Assert.Equal($"Unparseable grpc-status '{raw}'.", status.Value.Message);
    }

    [Theory]
    [InlineData("etcdserver: no leader", "etcdserver: no leader")]
    [InlineData("etcdserver%3A%20no%20leader", "etcdserver: no leader")]
    [InlineData("%E2%82%AC", "\u20AC")]
    [InlineData("price%20%E2%82%AC5%20%F0%9F%98%80", "price \u20AC5 \U0001F600")]
    [InlineData("%c3%a9t%C3%A9", "\u00E9t\u00E9")]
    [InlineData("a+b", "a+b")]
    [InlineData("100%25", "100%")]
    public void TryRead_percent_decodes_the_message(string raw, string expected)
    {
        var status = GrpcStatus.TryRead(Headers("2", raw));
        Assert.NotNull(status);
        Assert.Equal(expected, status.Value.Message);
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("%zz")]
    [InlineData("%2")]
    [InlineData("a%E2%82b")]
    [InlineData("a%C3")]
    [InlineData("%ff")]
    public void Malformed_percent_sequences_are_kept_as_sent(string raw)
    {
        Assert.Equal(raw, GrpcStatus.DecodeMessage(raw));
        Assert.Equal(raw, GrpcStatus.TryRead(Headers("2", raw))!.Value.Message);
    }

    [Fact]
    public void DecodeMessage_passes_null_and_empty_through()
    {
        Assert.Null(GrpcStatus.DecodeMessage(null));
        Assert.Equal(string.Empty, GrpcStatus.DecodeMessage(string.Empty));
    }

    [Theory]
    [InlineData(400, GrpcStatusCode.Internal)]
    [InlineData(401, GrpcStatusCode.Unauthenticated)]
    [InlineData(403, GrpcStatusCode.PermissionDenied)]
    [InlineData(404, GrpcStatusCode.Unimplemented)]
    [InlineData(429, GrpcStatusCode.Unavailable)]
    [InlineData(502, GrpcStatusCode.Unavailable)]
    [InlineData(503, GrpcStatusCode.Unavailable)]
    [InlineData(504, GrpcStatusCode.Unavailable)]
    [InlineData(500, GrpcStatusCode.Unknown)]
    [InlineData(200, GrpcStatusCode.Unknown)]
    [InlineData(301, GrpcStatusCode.Unknown)]
    [InlineData(405, GrpcStatusCode.Unknown)]
    public void FromHttpStatus_follows_the_gRPC_mapping(int http, GrpcStatusCode expected)
    {
        Assert.Equal(expected, GrpcStatus.FromHttpStatus(http));
    }

    [Theory]
    [InlineData(0x7L, GrpcStatusCode.Unavailable)]        // REFUSED_STREAM
    [InlineData(0x8L, GrpcStatusCode.Cancelled)]          // CANCEL
    [InlineData(0xbL, GrpcStatusCode.ResourceExhausted)]  // ENHANCE_YOUR_CALM
    [InlineData(0xcL, GrpcStatusCode.PermissionDenied)]   // INADEQUATE_SECURITY
    [InlineData(0x0L, GrpcStatusCode.Internal)]           // NO_ERROR
    [InlineData(0x1L, GrpcStatusCode.Internal)]           // PROTOCOL_ERROR
    [InlineData(0x2L, GrpcStatusCode.Internal)]           // INTERNAL_ERROR
    [InlineData(0xdL, GrpcStatusCode.Internal)]           // HTTP_1_1_REQUIRED
    [InlineData(0xffL, GrpcStatusCode.Internal)]
    [InlineData(-1L, GrpcStatusCode.Internal)]
    public void FromHttp2ErrorCode_follows_the_gRPC_mapping(long errorCode, GrpcStatusCode expected)
    {
        Assert.Equal(expected, GrpcStatus.FromHttp2ErrorCode(errorCode));
    }

    [Fact]
    public void Header_names()
    {
        Assert.Equal("grpc-status", GrpcStatus.StatusHeader);
        Assert.Equal("grpc-message", GrpcStatus.MessageHeader);
    }
}
