using System.Diagnostics;
using EtcdNet.Discovery.Tests.Infrastructure;

namespace EtcdNet.Discovery.Tests;

/// <summary>
/// A registration on a real 3-member cluster: it survives a leader kill and a 3 s pause of the member its client uses
/// (a watcher on another member sees no deletion), and it disappears within the TTL when its process is killed.
/// </summary>
public sealed class RegistrationFailoverTests(ITestOutputHelper output) : ClusterTestBase(output, 3)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Registration_SurvivesALeaderKill_AndAPauseOfItsMember_WithNoDeletionSeen()
    {
        var leader = await Cluster.GetLeaderAsync();
        var used = Cluster.Members.First(m => m != leader);
        var watcherMember = Cluster.Members.First(m => m != leader && m != used);
        await using var client = CreateClient([used.ClientUrl, .. Cluster.ClientUrls.Where(u => u != used.ClientUrl)]);
        var manager = new EndpointManager(client, UniqueService());
        await using var registration = await manager.RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"), Ttl);

        await using var watcherClient = CreateClient(watcherMember.ClientUrl);
        var changes = new List<EndpointUpdate>();
        using var stopWatching = new CancellationTokenSource();
        var watched = new TaskCompletionSource();
        var watching = Task.Run(async () =>
        {
            await foreach (var batch in new EndpointManager(watcherClient, manager.Service).WatchAsync(stopWatching.Token))
            {
                lock (changes)
                {
                    changes.AddRange(batch);
                }

                watched.TrySetResult();
            }
        });
        await watched.Task.WaitAsync(Wait);

        await leader.KillAsync();
        Output.WriteLine($"killed the leader {leader.Name}");
        await Cluster.WaitForLeaderAsync().WaitAsync(Wait);
        await leader.StartAsync();
        used.Pause();
        Output.WriteLine($"paused {used.Name}, the member the registering client uses");
        await Task.Delay(TimeSpan.FromSeconds(3));
        used.Resume();

        // Two more TTLs with every member back: a lease lost during the faults would have deleted the key by now.
        await Task.Delay(2 * Ttl);
        await stopWatching.CancelAsync();
        // The watcher must have run to the end: one that died early would have seen no deletion without looking.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);

        lock (changes)
        {
            Assert.Equal([(EndpointUpdateKind.Added, registration.Key)], changes.Select(c => (c.Kind, c.Key)));
        }

        Assert.Equal(1, registration.Registrations);
        Assert.Equal(registration.LeaseId, (await watcherClient.GetAsync(registration.Key)).Kvs.Single().Lease);
    }

    [Fact]
    public async Task ProcessKilled_ItsEndpointDisappearsWithinTheTtl()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        await using var watch = manager.WatchAsync().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));

        using var sample = Process.Start(new ProcessStartInfo("dotnet", [SampleDll(), string.Join(',', Cluster.ClientUrls), manager.Service, "child", "10.0.0.5:80", Ttl.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
            Assert.Equal((EndpointUpdateKind.Added, manager.KeyOf("child")), (Assert.Single(watch.Current).Kind, watch.Current[0].Key));
        }
        finally
        {
            sample.Kill();
        }

        var killed = Stopwatch.StartNew();
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Output.WriteLine($"deleted {killed.Elapsed.TotalSeconds:0.00} s after the kill");
        Assert.Equal((EndpointUpdateKind.Deleted, manager.KeyOf("child")), (Assert.Single(watch.Current).Kind, watch.Current[0].Key));
        Assert.InRange(killed.Elapsed, TimeSpan.Zero, Ttl + TimeSpan.FromSeconds(1));
    }

    /// <summary>The discovery sample, built next to this test assembly's configuration (see the project reference).</summary>
    private static string SampleDll()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        return Path.Combine(repository, "samples", "EtcdNet.Samples.Discovery", "bin", configuration, "net10.0", "EtcdNet.Samples.Discovery.dll");
    }
}
