using System.Text.Json;
using EtcdNet.Discovery.Tests.Infrastructure;

namespace EtcdNet.Discovery.Tests;

/// <summary>
/// Both directions with Go's naming/endpoints manager (etcd 3.4.23) on one real etcd: what Go registers, .NET sees, and
/// what .NET registers, Go lists and watches.
/// </summary>
public sealed class GoInteropTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GoRegisters_TheDotNetWatcherSeesAddressAndMetadata_ThenTheDeletion()
    {
        await using var client = CreateClient();
        var service = UniqueService();
        var manager = new EndpointManager(client, service);
        await using var watch = manager.WatchAsync().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Empty(watch.Current);

        await GoNaming.RunAsync(Cluster.ClientUrls, service, "add", service + "/go-1", "10.1.0.1:9000", """{"zone":"b"}""");
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        var added = Assert.Single(watch.Current);
        Assert.Equal((EndpointUpdateKind.Added, service + "/go-1", "10.1.0.1:9000"), (added.Kind, added.Key, added.Endpoint!.Address));
        Assert.Equal("b", added.Endpoint.Metadata!.Value.GetProperty("zone").GetString());

        await GoNaming.RunAsync(Cluster.ClientUrls, service, "delete", service + "/go-1");
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Equal((EndpointUpdateKind.Deleted, service + "/go-1"), (Assert.Single(watch.Current).Kind, watch.Current[0].Key));
    }

    [Fact]
    public async Task DotNetRegisters_GoListsIt_AndGoWatchSeesTheDeregistration()
    {
        await using var client = CreateClient();
        var service = UniqueService();
        var manager = new EndpointManager(client, service);
        var metadata = JsonDocument.Parse("""{"weight":7}""").RootElement;
        var registration = await manager.RegisterAsync(manager.KeyOf("net-1"), new ServiceEndpoint("10.2.0.1:8080", metadata), TimeSpan.FromSeconds(10));

        using var listed = JsonDocument.Parse(await GoNaming.RunAsync(Cluster.ClientUrls, service, "list"));
        var entry = listed.RootElement.GetProperty(service + "/net-1");
        Assert.Equal("10.2.0.1:8080", entry.GetProperty("Addr").GetString());
        Assert.Equal(7, entry.GetProperty("Metadata").GetProperty("weight").GetInt32());

        using var goWatch = await GoNaming.StartAsync(Cluster.ClientUrls, service, "watch", "2");
        var lines = goWatch.StandardOutput;
        Assert.Equal("READY", await NextLineAsync(lines));
        var initial = JsonDocument.Parse((await NextLineAsync(lines))!).RootElement;
        Assert.Equal((0, service + "/net-1"), (initial[0].GetProperty("Op").GetInt32(), initial[0].GetProperty("Key").GetString()));

        await registration.DisposeAsync();
        var deleted = JsonDocument.Parse((await NextLineAsync(lines))!).RootElement;
        Assert.Equal((1, service + "/net-1"), (deleted[0].GetProperty("Op").GetInt32(), deleted[0].GetProperty("Key").GetString()));
        await goWatch.WaitForExitAsync().WaitAsync(Wait);
        Assert.Equal(0, goWatch.ExitCode);
    }

    private static async Task<string?> NextLineAsync(StreamReader reader) => await reader.ReadLineAsync().WaitAsync(Wait);
}
