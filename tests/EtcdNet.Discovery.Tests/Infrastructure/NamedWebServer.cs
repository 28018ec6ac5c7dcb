using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EtcdNet.Discovery.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port that tells its name: over HTTP/1.1, a GET of <c>/</c>; over
/// HTTP/2 cleartext (<paramref name="grpc"/>), the gRPC method <c>WhoService.Who</c>.
/// </summary>
internal sealed class NamedWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NamedWebServer(WebApplication app, string name, string address)
    {
        _app = app;
        Name = name;
        Address = address;
    }

    public string Name { get; }

    /// <summary>host:port, as an endpoint is registered.</summary>
    public string Address { get; }

    public static async Task<NamedWebServer> StartAsync(string name, bool grpc = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, l => l.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ServerName(name));
        var app = builder.Build();
        app.MapGet("/", () => Results.Text(name));
        app.MapGrpcService<NamedWhoService>();
        await app.StartAsync();
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new NamedWebServer(app, name, url.Authority);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The name a <see cref="NamedWebServer"/> answers with.</summary>
internal sealed record ServerName(string Value);

/// <summary>Answers <c>Who</c> with the server's name.</summary>
internal sealed class NamedWhoService(ServerName name) : Who.WhoService.WhoServiceBase
{
    public override Task<Who.WhoReply> Who(Who.WhoRequest request, global::Grpc.Core.ServerCallContext context)
        => Task.FromResult(new Who.WhoReply { Name = name.Value });
}
