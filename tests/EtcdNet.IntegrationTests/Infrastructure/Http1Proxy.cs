using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// A reverse proxy in front of one etcd member that speaks only HTTP/1.1 on both sides (YARP on Kestrel, HTTP/2
/// disabled), as HTTP/1.1-only load balancers do. It records the path of every request; it can also answer
/// <c>/version</c> itself, to pose as another etcd version.
/// </summary>
internal sealed class Http1Proxy : IAsyncDisposable
{
    private LoopbackWebApp? _app;

    /// <summary>The proxy's URL (<c>http://127.0.0.1:port</c>).</summary>
    public string Url => _app!.Url;

    /// <summary>The path of every request the proxy received, in order.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    public static async Task<Http1Proxy> StartAsync(string etcdUrl, string? versionJson = null)
    {
        var proxy = new Http1Proxy();
        proxy._app = await LoopbackWebApp.StartAsync(
            HttpProtocols.Http1,
            services => services.AddReverseProxy().LoadFromMemory(
                [new RouteConfig { RouteId = "all", ClusterId = "etcd", Match = new RouteMatch { Path = "{**rest}" } }],
                [new ClusterConfig
                {
                    ClusterId = "etcd",
                    Destinations = new Dictionary<string, DestinationConfig> { ["member"] = new() { Address = etcdUrl } },
                    HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                }]),
            app =>
            {
                app.Use((context, next) =>
                {
                    proxy.Paths.Enqueue(context.Request.Path.Value ?? "");
                    return next(context);
                });
                if (versionJson is not null)
                {
                    app.MapGet("/version", () => Results.Text(versionJson, "application/json"));
                }

                app.MapReverseProxy();
            });
        return proxy;
    }

    public ValueTask DisposeAsync() => _app!.DisposeAsync();
}
