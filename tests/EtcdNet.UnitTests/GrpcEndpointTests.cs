using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class GrpcEndpointTests
{
    [Theory]
    [InlineData("http://127.0.0.1:2379", "http://127.0.0.1:2379/", false)]
    [InlineData("https://etcd.example.com:2379", "https://etcd.example.com:2379/", true)]
    [InlineData("etcd-0:2379", "http://etcd-0:2379/", false)]
    [InlineData("localhost:12379", "http://localhost:12379/", false)]
    [InlineData("[::1]:2379", "http://[::1]:2379/", false)]
    [InlineData("https://[fe80::1]:2379", "https://[fe80::1]:2379/", true)]
    [InlineData("http://h:2379/", "http://h:2379/", false)]
    [InlineData("  http://h:2379  ", "http://h:2379/", false)]
    [InlineData("HTTPS://H:2379", "https://h:2379/", true)]
    public void Parse_accepts_http_https_and_bare_host_port(string address, string baseUri, bool tls)
    {
        var endpoint = GrpcEndpoint.Parse(address);
        Assert.Equal(new Uri(baseUri), endpoint.BaseUri);
        Assert.Equal(baseUri, endpoint.BaseUri.AbsoluteUri);
        Assert.Equal(tls, endpoint.IsTls);
        Assert.Equal(address, endpoint.Address);
        Assert.Equal(address, endpoint.ToString());
    }

    [Fact]
    public void Bare_host_port_is_plain_text_on_that_port()
    {
        var endpoint = GrpcEndpoint.Parse("10.0.0.5:32379");
        Assert.Equal("http", endpoint.BaseUri.Scheme);
        Assert.Equal("10.0.0.5", endpoint.BaseUri.Host);
        Assert.Equal(32379, endpoint.BaseUri.Port);
        Assert.False(endpoint.IsTls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ftp://h:2379")]
    [InlineData("unix://")]
    [InlineData("unixs://")]
    [InlineData("grpc://h:2379")]
    [InlineData("http://h:2379/v3")]
    [InlineData("http://h:2379/v3/kv/range")]
    [InlineData("h:2379/path")]
    [InlineData("http://h:2379?x=1")]
    [InlineData("http://h:2379/?x=1")]
    [InlineData("h:2379?x=1")]
    [InlineData("http://")]
    [InlineData("http://h:notaport")]
    [InlineData("http://h:99999")]
    public void Parse_rejects_unusable_addresses(string address)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => GrpcEndpoint.Parse(address));
        Assert.Equal("address", e.ParamName);
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => GrpcEndpoint.Parse(null!));
    }

    [Fact]
    public void The_rejection_message_names_the_address()
    {
        var e = Assert.Throws<ArgumentException>(() => GrpcEndpoint.Parse("ftp://h:1"));
        Assert.Contains("'ftp://h:1'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => GrpcEndpoint.Parse("http://h:1/x"));
        Assert.Contains("path or query", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://h:2379", "http://h:2379/etcdserverpb.KV/Range")]
    [InlineData("h:2379", "http://h:2379/etcdserverpb.KV/Range")]
    [InlineData("https://h:2379/", "https://h:2379/etcdserverpb.KV/Range")]
    [InlineData("[::1]:2379", "http://[::1]:2379/etcdserverpb.KV/Range")]
    public void GetUri_builds_the_method_uri(string address, string expected)
    {
        var endpoint = GrpcEndpoint.Parse(address);
        var uri = endpoint.GetUri("/etcdserverpb.KV/Range");
        Assert.Equal(expected, uri.AbsoluteUri);
        Assert.Equal("/etcdserverpb.KV/Range", uri.AbsolutePath);
    }

    [Fact]
    public void GetUri_caches_per_path()
    {
        var endpoint = GrpcEndpoint.Parse("h:2379");
        var range = endpoint.GetUri("/etcdserverpb.KV/Range");
        var put = endpoint.GetUri("/etcdserverpb.KV/Put");
        Assert.Same(range, endpoint.GetUri("/etcdserverpb.KV/Range"));
        Assert.NotSame(range, put);
        Assert.Equal("http://h:2379/etcdserverpb.KV/Put", put.AbsoluteUri);
    }

    [Fact]
    public void GetUri_matches_a_GrpcMethod_path()
    {
        var endpoint = GrpcEndpoint.Parse("https://h:1");
        Assert.Equal("https://h:1/etcdserverpb.KV/Txn", endpoint.GetUri(Kv.KvMethods.Txn.Path).AbsoluteUri);
        Assert.Equal("/etcdserverpb.KV/Txn", Kv.KvMethods.Txn.Path);
        Assert.Equal("/etcdserverpb.KV/Txn", Kv.KvMethods.Txn.ToString());
    }

    [Fact]
    public void A_new_endpoint_has_not_spoken_gRPC_yet()
    {
        var endpoint = GrpcEndpoint.Parse("h:2379");
        Assert.False(endpoint.SpokeGrpc);
        endpoint.MarkSpokeGrpc();
        Assert.True(endpoint.SpokeGrpc);
        Assert.False(GrpcEndpoint.Parse("h:2379").SpokeGrpc);
    }

    [Fact]
    public void Only_Range_is_repeatable_in_the_KV_service()
    {
        Assert.True(Kv.KvMethods.Range.Repeatable);
        Assert.False(Kv.KvMethods.Put.Repeatable);
        Assert.False(Kv.KvMethods.DeleteRange.Repeatable);
        Assert.False(Kv.KvMethods.Txn.Repeatable);
        Assert.False(Kv.KvMethods.Compact.Repeatable);
    }

    [Theory]
    [InlineData("unix:///var/run/etcd.sock", "/var/run/etcd.sock", false)]
    [InlineData("unix://localhost:2379", "localhost:2379", false)]
    [InlineData("unixs:///run/etcd/client.sock", "/run/etcd/client.sock", true)]
    public void Unix_endpoints_name_a_socket_and_get_an_authority_of_their_own(string address, string path, bool tls)
    {
        var endpoint = GrpcEndpoint.Parse(address);
        var again = GrpcEndpoint.Parse(address);
        var other = GrpcEndpoint.Parse(address + ".other");

        Assert.Equal(path, endpoint.SocketPath);
        Assert.Equal(tls, endpoint.IsTls);
        Assert.Equal("localhost", endpoint.BaseUri.Host);
        Assert.Equal(endpoint.BaseUri, again.BaseUri); // the same socket, the same connections
        Assert.NotEqual(endpoint.BaseUri, other.BaseUri);
        Assert.Null(GrpcEndpoint.Parse("http://localhost:2379").SocketPath);
    }
}
