using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class CallHeadersTests
{
    private static HttpRequestMessage Apply(CallHeaders headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://h:2379/etcdserverpb.KV/Range");
        headers.ApplyTo(request);
        return request;
    }

    private static string? Header(HttpRequestMessage request, string name)
        => request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public void None_sends_only_te_trailers()
    {
        using var request = Apply(CallHeaders.None);
        Assert.Equal("trailers", Header(request, "te"));
        Assert.Null(Header(request, "grpc-timeout"));
        Assert.Single(request.Headers);
    }

    [Theory]
    [InlineData(50, "50000000n")]
    [InlineData(1_000, "1000000u")]
    [InlineData(30_000, "30000000u")]
    public void A_timeout_is_sent_as_grpc_timeout(int milliseconds, string expected)
    {
        using var request = Apply(new CallHeaders(TimeSpan.FromMilliseconds(milliseconds), null));
        Assert.Equal(expected, Header(request, "grpc-timeout"));
    }

    [Fact]
    public void An_exhausted_timeout_is_sent_as_the_smallest_positive_value()
    {
        using var request = Apply(new CallHeaders(TimeSpan.FromMilliseconds(-3), null));
        Assert.Equal("100n", Header(request, "grpc-timeout"));
    }

    [Fact]
    public void An_infinite_timeout_is_not_sent()
    {
        using var request = Apply(new CallHeaders(Timeout.InfiniteTimeSpan, null));
        Assert.Null(Header(request, "grpc-timeout"));
        Assert.Equal("trailers", Header(request, "te"));
    }

    [Fact]
    public void Metadata_is_added_as_headers()
    {
        using var request = Apply(new CallHeaders(null, [new("token", "abc.def"), new("hasleader", "true")]));
        Assert.Equal("abc.def", Header(request, "token"));
        Assert.Equal("true", Header(request, "hasleader"));
        Assert.Null(Header(request, "grpc-timeout"));
    }
}
