using EtcdNet.Transport;
using EtcdNet.Transport.Gateway;

namespace EtcdNet.UnitTests.Gateway;

/// <summary>What the gateway transport reads from etcd's answers, and the prefix it picks per version.</summary>
public class GatewayFormatTests
{
    [Theory]
    [InlineData("3.4.23", "/v3")]
    [InlineData("3.5.9", "/v3")]
    [InlineData("3.3.25", "/v3beta")]
    [InlineData("3.2.32", "/v3alpha")]
    [InlineData("3.3.0-rc.1", "/v3beta")]
    [InlineData("not a version", "/v3")]
    public void The_prefix_follows_the_server_version(string version, string prefix)
        => Assert.Equal(prefix, GatewayRoutes.PrefixFor(version));

    [Fact]
    public void An_rpc_the_gateway_does_not_serve_is_named_with_the_protocol_that_does()
    {
        var error = Assert.Throws<NotSupportedException>(() => GatewayRoutes.Of(Maintenance.MaintenanceMethods.HashKv.Path));
        Assert.Contains("etcdserverpb.Maintenance/HashKV", error.Message, StringComparison.Ordinal);
        Assert.Equal("/kv/range", GatewayRoutes.Of(Kv.KvMethods.Range.Path));
    }

    [Fact]
    public void A_stream_line_is_a_result_or_an_error_with_its_grpc_status()
    {
        Assert.Equal("""{"created":true}""", GatewayJson.ReadChunk("""{"result":{"created":true}}""").Result);
        var error = GatewayJson.ReadChunk("""{"error":{"grpc_code":14,"http_code":503,"message":"etcdserver: no leader","http_status":"Service Unavailable"}}""").Error;
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unavailable, "etcdserver: no leader"), error);
        Assert.Equal(new GrpcStatus(GrpcStatusCode.Unknown, null), GatewayJson.ReadChunk("""{"error":{"grpc_code":"x","message":7}}""").Error);
        Assert.Throws<System.Text.Json.JsonException>(() => GatewayJson.ReadChunk("""{"something":"else"}"""));
    }

    [Fact]
    public void A_unary_error_body_gives_its_status_and_anything_else_none()
    {
        var status = GatewayJson.ReadError("""{"error":"etcdserver: key is not provided","message":"etcdserver: key is not provided","code":3}""");
        Assert.Equal(new GrpcStatus(GrpcStatusCode.InvalidArgument, "etcdserver: key is not provided"), status);
        Assert.Null(GatewayJson.ReadError("Not Found"));
        Assert.Null(GatewayJson.ReadError("""{"code":"three"}"""));
    }

    [Fact]
    public void A_response_decodes_from_the_gateways_json_with_64_bit_numbers_as_strings_and_unknown_fields_ignored()
    {
        var json = """{"header":{"revision":"9007199254740993"},"kvs":[{"key":"Zm9v","mod_revision":"2","value":"YmFy"}],"count":"1","from_a_newer_etcd":true}""";

        var range = GatewayJson.Decode(Protocol.Rpc.RangeResponse.Parser, json);

        Assert.Equal(9007199254740993, range.Header.Revision);
        Assert.Equal("foo", range.Kvs[0].Key.ToStringUtf8());
        Assert.Equal("bar", range.Kvs[0].Value.ToStringUtf8());
    }

    [Theory]
    [InlineData("""{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}""", "3.4.23", "3.4.0")]
    [InlineData("""{"etcdserver":"3.4.23","etcdcluster":"not_decided"}""", "3.4.23", null)]
    public void Etcds_version_answer_is_read(string body, string server, string? cluster)
        => Assert.Equal((server, cluster), EtcdVersionDocument.TryParse(System.Text.Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("""{"etcdserver":3}""")]
    [InlineData("""["3.4.23"]""")]
    [InlineData("<html>not etcd</html>")]
    public void Anything_else_is_not_a_version_answer(string body)
        => Assert.Null(EtcdVersionDocument.TryParse(System.Text.Encoding.UTF8.GetBytes(body)));
}
