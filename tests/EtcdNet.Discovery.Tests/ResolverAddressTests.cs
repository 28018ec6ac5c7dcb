using EtcdNet.Discovery.Grpc;

namespace EtcdNet.Discovery.Tests;

/// <summary>How the gRPC resolver reads a registered address (no server needed).</summary>
public sealed class ResolverAddressTests
{
    [Theory]
    [InlineData("10.0.0.1:8080", "10.0.0.1", 8080)]
    [InlineData("catalog-1", "catalog-1", 443)]
    [InlineData("[::1]:9000", "::1", 9000)]
    [InlineData("[::1]", "::1", 443)]
    [InlineData("http://host:80/path", "host", 80)]
    [InlineData("https://host", "host", 443)]
    public void An_address_becomes_host_and_port_with_the_default_port_only_when_none_is_written(string address, string host, int port)
    {
        var resolved = EtcdResolver.ToAddress(address, defaultPort: 443);

        Assert.NotNull(resolved);
        Assert.Equal((host, port), (resolved.EndPoint.Host, resolved.EndPoint.Port));
    }

    [Theory]
    [InlineData("host:port")]
    [InlineData("host:70000")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData(":8080")]
    public void An_address_that_is_not_host_and_port_is_skipped(string address)
        => Assert.Null(EtcdResolver.ToAddress(address, defaultPort: 443));
}
