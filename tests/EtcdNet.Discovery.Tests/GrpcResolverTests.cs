using System.Diagnostics;
using EtcdNet.Discovery.Grpc;
using EtcdNet.Discovery.Tests.Infrastructure;
using EtcdNet.Discovery.Tests.Who;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EtcdNet.Discovery.Tests;

/// <summary>A Grpc.Net.Client channel to <c>etcd:///&lt;service&gt;</c>, balancing over two real gRPC servers registered in a real etcd.</summary>
public sealed class GrpcResolverTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Calls_SpreadOverBothServers_AndStopGoingToOneThatDeregisters_WithNoFailedCall()
    {
        await using var etcd = CreateClient();
        var manager = new EndpointManager(etcd, UniqueService());
        await using var a = await NamedWebServer.StartAsync("a", grpc: true);
        await using var b = await NamedWebServer.StartAsync("b", grpc: true);
        var registrationA = await manager.RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint(a.Address), Ttl);
        await using var registrationB = await manager.RegisterAsync(manager.KeyOf("b"), new ServiceEndpoint(b.Address), Ttl);
        using var channel = CreateChannel(etcd, manager.Service, out var services);
        await using var _ = services;
        var who = new WhoService.WhoServiceClient(channel);

        await AssertBothAnswerAsync(who);

        await registrationA.DisposeAsync();
        var deregistered = Stopwatch.StartNew();
        var lastToA = TimeSpan.Zero;
        while (deregistered.Elapsed < Ttl)
        {
            if ((await who.WhoAsync(new WhoRequest())).Name == "a")
            {
                lastToA = deregistered.Elapsed;
            }
        }

        Output.WriteLine($"last call to the deregistered server {lastToA.TotalMilliseconds:0} ms after deregistration");
        Assert.True(lastToA < Ttl / 2, $"a call went to the deregistered server {lastToA} after deregistration");
    }

    [Fact]
    public async Task AServerThatDiesWithoutDeregistering_IsDroppedWithinTheTtl()
    {
        await using var etcd = CreateClient();
        var manager = new EndpointManager(etcd, UniqueService());
        await using var b = await NamedWebServer.StartAsync("b", grpc: true);
        await using var registrationB = await manager.RegisterAsync(manager.KeyOf("b"), new ServiceEndpoint(b.Address), Ttl);
        var a = await NamedWebServer.StartAsync("a", grpc: true);
        var dyingClient = CreateClient();
        await new EndpointManager(dyingClient, manager.Service).RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint(a.Address), Ttl);
        using var channel = CreateChannel(etcd, manager.Service, out var services);
        await using var _ = services;
        var who = new WhoService.WhoServiceClient(channel);
        await AssertBothAnswerAsync(who);

        await dyingClient.DisposeAsync();
        await a.DisposeAsync();
        var died = Stopwatch.StartNew();
        var lastFailure = TimeSpan.Zero;
        while (died.Elapsed < Ttl + TimeSpan.FromSeconds(2))
        {
            try
            {
                Assert.Equal("b", (await who.WhoAsync(new WhoRequest())).Name);
            }
            catch (RpcException)
            {
                lastFailure = died.Elapsed;
            }
        }

        Output.WriteLine($"last failed call {lastFailure.TotalMilliseconds:0} ms after the server died");
        Assert.True(lastFailure < Ttl + TimeSpan.FromSeconds(1), $"calls still failed {lastFailure} after the server died");
    }

    /// <summary>Round robin reaches both servers once the channel has connected to both.</summary>
    private static async Task AssertBothAnswerAsync(WhoService.WhoServiceClient who)
    {
        var names = new HashSet<string>();
        var connecting = Stopwatch.StartNew();
        while (names.Count < 2 && connecting.Elapsed < TimeSpan.FromSeconds(10))
        {
            names.Add((await who.WhoAsync(new WhoRequest())).Name);
        }

        Assert.Equal(["a", "b"], names.Order());
    }

    private static GrpcChannel CreateChannel(EtcdClient etcd, string service, out ServiceProvider services)
    {
        services = new ServiceCollection().AddSingleton<ResolverFactory>(new EtcdResolverFactory(etcd)).BuildServiceProvider();
        return GrpcChannel.ForAddress($"etcd:///{service}", new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Insecure,
            ServiceProvider = services,
            ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } },
        });
    }
}
