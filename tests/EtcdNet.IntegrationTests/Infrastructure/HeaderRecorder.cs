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

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// A server that only records the headers of what it receives (HTTP/2 without TLS, or HTTP/1.1) and answers
/// 404: a place to see what the client sends.
/// </summary>
internal sealed class HeaderRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HeaderRecorder(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Each request's path and headers.</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers)> Requests { get; } = new();

    public static async Task<HeaderRecorder> StartAsync(HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        var app = builder.Build();
        HeaderRecorder? recorder = null;
        app.Run(context =>
        {
            recorder?.Requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        recorder = new HeaderRecorder(app, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
