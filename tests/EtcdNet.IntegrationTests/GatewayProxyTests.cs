using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>
/// The JSON gateway where only HTTP/1.1 passes: through a reverse proxy that speaks nothing else, watches and calls
/// work over the gateway, and gRPC fails with a message that says why; the API prefix follows the version the
/// server reports.
/// </summary>
[Collection(SingleMemberCollection.Name)]
public sealed class GatewayProxyTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private static EtcdClient ThroughProxy(Http1Proxy proxy, EtcdProtocol protocol, string? apiPrefix = null) => new(new EtcdClientOptions
    {
        Endpoints = [proxy.Url],
        Protocol = protocol,
        ApiPrefix = apiPrefix,
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
    });

    [Fact]
    public async Task A_watch_through_an_http1_only_proxy_sees_every_put_over_the_gateway()
    {
        await using var proxy = await Http1Proxy.StartAsync(Cluster.ClientUrls[0]);
        await using var client = ThroughProxy(proxy, EtcdProtocol.JsonGateway);
        await using var watch = await WatchRecorder.StartAsync(client.Watch, Key("w/"), new WatchOptions { Prefix = true });

        for (var i = 0; i < 3; i++)
        {
            await client.PutAsync(Key("w/" + i), "v" + i);
        }

        var events = await watch.EventsAsync(3);
        Assert.Equal(["v0", "v1", "v2"], events.Select(e => e.Kv.ValueString));
        Assert.Contains("/v3/watch", proxy.Paths);
        Assert.Contains("/v3/kv/put", proxy.Paths);
    }

    [Fact]
    public async Task Grpc_through_an_http1_only_proxy_fails_saying_that_the_endpoint_does_not_speak_grpc()
    {
        await using var proxy = await Http1Proxy.StartAsync(Cluster.ClientUrls[0]);
        await using var client = ThroughProxy(proxy, EtcdProtocol.Grpc);

        var error = await Assert.ThrowsAnyAsync<EtcdException>(() => client.GetAsync(Key("k")));

        Output.WriteLine(error.ToString());
        Assert.Contains("not an etcd gRPC endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("JsonGateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_reports_etcd_3_3_is_called_under_v3beta()
    {
        await using var proxy = await Http1Proxy.StartAsync(Cluster.ClientUrls[0], """{"etcdserver":"3.3.25","etcdcluster":"3.3.0"}""");
        await using var client = ThroughProxy(proxy, EtcdProtocol.JsonGateway);

        await client.PutAsync(Key("old"), "beta");

        Assert.Equal("beta", (await client.GetAsync(Key("old"))).Kvs.Single().ValueString);
        Assert.Equal("/version", proxy.Paths.First());
        Assert.Contains("/v3beta/kv/put", proxy.Paths);
        Assert.DoesNotContain(proxy.Paths, p => p.StartsWith("/v3/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_prefix_is_used_without_asking_for_the_version()
    {
        await using var proxy = await Http1Proxy.StartAsync(Cluster.ClientUrls[0]);
        await using var client = ThroughProxy(proxy, EtcdProtocol.JsonGateway, apiPrefix: "/v3beta");

        await client.PutAsync(Key("set"), "v");

        Assert.DoesNotContain("/version", proxy.Paths);
        Assert.Contains("/v3beta/kv/put", proxy.Paths);
    }

    [Fact]
    public async Task A_call_the_gateway_does_not_serve_says_so_and_names_the_protocol()
    {
        await using var client = Fixture.CreateClient(o => o with { Protocol = EtcdProtocol.JsonGateway });

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => client.Maintenance.HashKvAsync(Cluster.ClientUrls[0], 0));

        Assert.Contains("JSON gateway", error.Message, StringComparison.Ordinal);
        Assert.Contains("EtcdProtocol.Grpc", error.Message, StringComparison.Ordinal);
    }
}
