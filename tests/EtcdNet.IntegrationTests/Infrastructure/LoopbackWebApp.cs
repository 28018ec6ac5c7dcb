using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>A Kestrel app on a free loopback port, speaking only <c>protocols</c>, without logging.</summary>
internal sealed class LoopbackWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackWebApp(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The app's URL (<c>http://127.0.0.1:port</c>).</summary>
    public string Url { get; }

    /// <param name="protocols">What the port speaks (HTTP/2 without TLS needs <see cref="HttpProtocols.Http2"/> alone).</param>
    /// <param name="services">Adds services, or null.</param>
    /// <param name="configure">Sets up the request pipeline.</param>
    public static async Task<LoopbackWebApp> StartAsync(HttpProtocols protocols, Action<IServiceCollection>? services, Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackWebApp(app, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
