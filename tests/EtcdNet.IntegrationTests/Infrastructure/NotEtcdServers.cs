using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests.Infrastructure;

/// <summary>Servers that answer HTTP but are not etcd, on loopback ports.</summary>
public static class NotEtcdServers
{
    /// <summary>A plain HTTP/1.1 server (like a web server on the wrong port): answers 400 to anything.</summary>
    public static (int Port, IAsyncDisposable Server) StartHttp1()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var cts = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(cts.Token);
                }
                catch (Exception)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var stream = client.GetStream();
                        var buffer = new byte[4096];
                        try
                        {
                            await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, cts.Token);
                            var reply = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad Request");
                            await stream.WriteAsync(reply, cts.Token);
                        }
                        catch (Exception)
                        {
                            // client went away
                        }
                    }
                });
            }
        });
        return (((IPEndPoint)listener.LocalEndpoint).Port, new Stopper(() =>
        {
            cts.Cancel();
            listener.Stop();
            cts.Dispose();
            return ValueTask.CompletedTask;
        }));
    }

    /// <summary>
    /// An HTTP/2 (h2c) web server that reads each request body, records its path in
    /// <paramref name="paths"/>, and answers with <paramref name="statusCode"/> and an HTML page.
    /// </summary>
    public static async Task<(int Port, IAsyncDisposable Server)> StartHttp2Async(int statusCode = 404, System.Collections.Concurrent.ConcurrentQueue<string>? paths = null, System.Collections.Concurrent.ConcurrentQueue<string>? tokens = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.Run(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            paths?.Enqueue(context.Request.Path.Value ?? "");
            if (context.Request.Headers.TryGetValue("token", out var token))
            {
                tokens?.Enqueue(token.ToString());
            }
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>not here</html>");
        });
        await app.StartAsync();
        var address = app.Urls.First();
        return (new Uri(address).Port, app);
    }

    private sealed class Stopper(Func<ValueTask> stop) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stop();
    }
}
