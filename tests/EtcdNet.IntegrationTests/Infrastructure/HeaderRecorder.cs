using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>
/// A server that only records the headers of what it receives (HTTP/2 without TLS, or HTTP/1.1) and answers
/// 404: a place to see what the client sends.
/// </summary>
internal sealed class HeaderRecorder : IAsyncDisposable
{
    private LoopbackWebApp? _app;

    public string Url => _app!.Url;

    /// <summary>Each request's path and headers.</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers)> Requests { get; } = new();

    public static async Task<HeaderRecorder> StartAsync(HttpProtocols protocols)
    {
        var recorder = new HeaderRecorder();
        recorder._app = await LoopbackWebApp.StartAsync(protocols, services: null, app => app.Run(context =>
        {
            recorder.Requests.Enqueue((context.Request.Path.Value ?? "", context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }));
        return recorder;
    }

    public ValueTask DisposeAsync() => _app!.DisposeAsync();
}
