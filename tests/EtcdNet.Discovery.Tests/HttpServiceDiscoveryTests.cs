using System.Diagnostics;
using EtcdNet.Discovery.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EtcdNet.Discovery.Tests;

/// <summary>
/// An <see cref="HttpClient"/> whose base address is a service name (<c>http://&lt;service&gt;</c>), resolved by
/// Microsoft.Extensions.ServiceDiscovery from the endpoints registered in a real etcd, against two real Kestrel servers.
/// </summary>
public sealed class HttpServiceDiscoveryTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Requests_SpreadOverBothServers_AndStopGoingToOneThatDeregisters_WithNoFailedRequest()
    {
        await using var etcd = CreateClient();
        var manager = new EndpointManager(etcd, UniqueService());
        await using var a = await NamedWebServer.StartAsync("a");
        await using var b = await NamedWebServer.StartAsync("b");
        var registrationA = await manager.RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint(a.Address), Ttl);
        await using var registrationB = await manager.RegisterAsync(manager.KeyOf("b"), new ServiceEndpoint(b.Address), Ttl);
        await using var services = BuildServices(etcd, manager.Service);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("catalog");

        var first = await AskAsync(http, 20);
        Assert.Equal(["a", "b"], first.Distinct().Order());

        await registrationA.DisposeAsync();
        var deregistered = Stopwatch.StartNew();
        var lastToA = TimeSpan.Zero;
        while (deregistered.Elapsed < Ttl)
        {
            // Every request succeeds: the deregistered server still runs, and is dropped once the watch reports it.
            if (await http.GetStringAsync("/") == "a")
            {
                lastToA = deregistered.Elapsed;
            }
        }

        Output.WriteLine($"last request to the deregistered server {lastToA.TotalMilliseconds:0} ms after deregistration");
        Assert.True(lastToA < Ttl / 2, $"a request went to the deregistered server {lastToA} after deregistration");
        Assert.All(await AskAsync(http, 20), name => Assert.Equal("b", name));
    }

    [Fact]
    public async Task AServerThatDiesWithoutDeregistering_IsDroppedWithinTheTtl()
    {
        await using var etcd = CreateClient();
        var manager = new EndpointManager(etcd, UniqueService());
        await using var b = await NamedWebServer.StartAsync("b");
        await using var registrationB = await manager.RegisterAsync(manager.KeyOf("b"), new ServiceEndpoint(b.Address), Ttl);
        var a = await NamedWebServer.StartAsync("a");
        var dyingClient = CreateClient();
        await new EndpointManager(dyingClient, manager.Service).RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint(a.Address), Ttl);
        await using var services = BuildServices(etcd, manager.Service);
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient("catalog");
        Assert.Equal(["a", "b"], (await AskAsync(http, 20)).Distinct().Order());

        // "a" dies: its server stops and its client stops renewing (nothing is deregistered).
        await dyingClient.DisposeAsync();
        await a.DisposeAsync();
        var died = Stopwatch.StartNew();
        var lastFailure = TimeSpan.Zero;
        while (died.Elapsed < Ttl + TimeSpan.FromSeconds(2))
        {
            try
            {
                Assert.Equal("b", await http.GetStringAsync("/"));
            }
            catch (HttpRequestException)
            {
                lastFailure = died.Elapsed;
            }
        }

        Output.WriteLine($"last failed request {lastFailure.TotalMilliseconds:0} ms after the server died");
        Assert.True(lastFailure < Ttl + TimeSpan.FromSeconds(1), $"requests still failed {lastFailure} after the server died");
        Assert.All(await AskAsync(http, 20), name => Assert.Equal("b", name));
    }

    private static ServiceProvider BuildServices(EtcdClient etcd, string service)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEtcdClient>(etcd);
        services.AddServiceDiscoveryCore();
        services.AddEtcdServiceEndpointProvider();
        services.AddHttpClient("catalog", c => c.BaseAddress = new Uri($"http://{service}")).AddServiceDiscovery();
        return services.BuildServiceProvider();
    }

    private static async Task<List<string>> AskAsync(HttpClient http, int count)
    {
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            names.Add(await http.GetStringAsync("/"));
        }

        return names;
    }
}
