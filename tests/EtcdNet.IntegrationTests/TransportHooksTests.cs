using System.Collections.Concurrent;
using System.Net;
using EtcdNet.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EtcdNet.IntegrationTests;

/// <summary>The hooks into the client's HTTP: extra headers, the user's handlers, an HTTP proxy, over both protocols.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class TransportHooksTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    public static TheoryData<EtcdProtocol, bool> Paths => new()
    {
        { EtcdProtocol.Grpc, false }, // the client's own HTTP/2 connections
        { EtcdProtocol.Grpc, true }, // SocketsHttpHandler, as a user's handler brings
        { EtcdProtocol.JsonGateway, false },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Custom_headers_arrive_with_every_request(EtcdProtocol protocol, bool throughHandler)
    {
        await using var server = await HeaderRecorder.StartAsync(protocol == EtcdProtocol.Grpc ? HttpProtocols.Http2 : HttpProtocols.Http1);
        await using var client = new EtcdClient(new EtcdClientOptions
        {
            Endpoints = [server.Url],
            Protocol = protocol,
            ApiPrefix = "/v3",
            Headers = new Dictionary<string, string> { ["X-Tenant"] = "blue", ["x-request-source"] = "tests" },
            ConfigureHttpHandler = throughHandler ? inner => inner : null,
            DialTimeout = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(3),
        });

        await Assert.ThrowsAnyAsync<EtcdException>(() => client.GetAsync("k")); // the server is not etcd

        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, request =>
        {
            Assert.Equal("blue", request.Headers["x-tenant"]);
            Assert.Equal("tests", request.Headers["x-request-source"]);
        });
        Assert.Contains(server.Requests, r => r.Path == (protocol == EtcdProtocol.Grpc ? "/etcdserverpb.KV/Range" : "/v3/kv/range"));
    }

    [Fact]
    public void Headers_the_client_sets_itself_are_refused()
    {
        var options = new EtcdClientOptions { Headers = new Dictionary<string, string> { ["grpc-timeout"] = "1S", ["Authorization"] = "x", ["bad name"] = "v", ["x-ok"] = "a\r\nb" } };

        var problems = options.FindProblems().Where(p => p.Setting == nameof(EtcdClientOptions.Headers)).Select(p => p.Message).ToList();

        Assert.Equal(4, problems.Count);
        Assert.Throws<ArgumentException>(() => new EtcdClient(options));
    }

    [Fact]
    public void A_handler_chain_that_leads_nowhere_is_refused_when_the_client_is_made()
    {
        var noInner = Assert.Throws<ArgumentException>(() => new EtcdClient(new EtcdClientOptions { ConfigureHttpHandler = _ => new Recording(new ConcurrentQueue<string>()) }));
        Assert.Contains("Recording has no InnerHandler", noInner.Message, StringComparison.Ordinal);
        var none = Assert.Throws<ArgumentException>(() => new EtcdClient(new EtcdClientOptions { ConfigureHttpHandler = _ => null!, Protocol = EtcdProtocol.JsonGateway }));
        Assert.Contains("returned null", none.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EtcdProtocol.Grpc)]
    [InlineData(EtcdProtocol.JsonGateway)]
    public async Task A_delegating_handler_sees_every_call_and_stream(EtcdProtocol protocol)
    {
        var seen = new ConcurrentQueue<string>();
        await using var client = Fixture.CreateClient(o => o with { Protocol = protocol, ConfigureHttpHandler = inner => new Recording(seen) { InnerHandler = inner } });

        await client.PutAsync(Key("a"), "1");
        await client.GetAsync(Key("a"));
        await client.Txn().If(Compare.Value(Key("a"), CompareOp.Equal, "1")).Then(Op.Put(Key("a"), "2")).CommitAsync();
        await using var watch = await WatchRecorder.StartAsync(client.Watch, Key("a"));
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        await using (var renewals = keepAlive.GetAsyncEnumerator())
        {
            Assert.True(await renewals.MoveNextAsync());
        }

        string[] expected = protocol == EtcdProtocol.Grpc
            ? ["/etcdserverpb.KV/Put", "/etcdserverpb.KV/Range", "/etcdserverpb.KV/Txn", "/etcdserverpb.Watch/Watch", "/etcdserverpb.Lease/LeaseGrant", "/etcdserverpb.Lease/LeaseKeepAlive"]
            : ["/v3/kv/put", "/v3/kv/range", "/v3/kv/txn", "/v3/watch", "/v3/lease/grant", "/v3/lease/keepalive"];
        Assert.All(expected, path => Assert.Contains(path, seen));
    }

    [Fact]
    public async Task A_call_through_an_http_proxy_reaches_etcd_over_the_gateway()
    {
        await using var proxy = new ForwardProxy();
        await using var client = Fixture.CreateClient(o => o with { Protocol = EtcdProtocol.JsonGateway, Proxy = new WebProxy(proxy.Url) });

        await client.PutAsync(Key("p"), "through the proxy");

        Assert.Equal("through the proxy", (await client.GetAsync(Key("p"))).Kvs.Single().ValueString);
        var etcd = new Uri(Cluster.ClientUrls[0]);
        Assert.Contains($"POST http://{etcd.Authority}/v3/kv/put", proxy.Forwarded, StringComparison.Ordinal);
        Assert.Contains($"POST http://{etcd.Authority}/v3/kv/range", proxy.Forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_grpc_through_an_http_proxy_is_refused_when_the_client_is_made()
    {
        var options = new EtcdClientOptions { Endpoints = Cluster.ClientUrls, Proxy = new WebProxy("http://127.0.0.1:1") };

        var error = Assert.Throws<ArgumentException>(() => new EtcdClient(options));

        Assert.Contains("JsonGateway", error.Message, StringComparison.Ordinal);
        Assert.Empty((options with { Protocol = EtcdProtocol.JsonGateway }).FindProblems());
    }

    /// <summary>A user's handler: records the path of every request it passes on.</summary>
    private sealed class Recording(ConcurrentQueue<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request.RequestUri!.AbsolutePath);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
