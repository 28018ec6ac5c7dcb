using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    private readonly WebApplication _app;

    private Http1Proxy(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The proxy's URL (<c>http://127.0.0.1:port</c>).</summary>
    public string Url { get; }

    /// <summary>The path of every request the proxy received, in order.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    public static async Task<Http1Proxy> StartAsync(string etcdUrl, string? versionJson = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "etcd", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "etcd",
                Destinations = new Dictionary<string, DestinationConfig> { ["member"] = new() { Address = etcdUrl } },
                HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            }]);
        var app = builder.Build();
        Http1Proxy? proxy = null;
        app.Use((context, next) =>
        {
            proxy?.Paths.Enqueue(context.Request.Path.Value ?? "");
            return next(context);
        });
        if (versionJson is not null)
        {
            app.MapGet("/version", () => Results.Text(versionJson, "application/json"));
        }

        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy = new Http1Proxy(app, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
