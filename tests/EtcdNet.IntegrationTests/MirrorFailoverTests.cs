using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>A mirror that keeps a second cluster equal to a first one whose leader is killed and restarted under load.</summary>
public sealed class MirrorFailoverTests(ITestOutputHelper output) : OwnClusterTest(output, 3)
{
    [Fact]
    public async Task TheDestination_EndsEqualToTheSource_InTheSameOrder_AfterTheSourceLeaderIsKilledAndRestarted()
    {
        await using var destinationCluster = await EtcdCluster.StartAsync(1);
        var options = new EtcdClientOptions { Endpoints = Cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) };
        await using var source = new EtcdClient(options);
        await using var mirrorSource = new EtcdClient(options);
        await using var destination = new EtcdClient(new EtcdClientOptions { Endpoints = destinationCluster.ClientUrls });
        for (var i = 0; i < 100; i++)
        {
            await source.PutAsync($"m/{i:D3}", "base");
        }

        using var stop = new CancellationTokenSource();
        var mirror = EtcdMirror.RunAsync(mirrorSource, destination, new MirrorOptions { Prefix = "m/" }, stop.Token);

        // 2,000 writes over 300 keys (puts, overwrites, deletes); the leader is killed after 600 and back after 1,300.
        var leader = await Cluster.GetLeaderAsync();
        var unknown = 0;
        for (var i = 0; i < 2000; i++)
        {
            if (i == 600)
            {
                await leader.KillAsync();
            }
            else if (i == 1300)
            {
                await leader.StartAsync();
            }

            var key = $"m/{i % 300:D3}";
            try
            {
                if (i % 7 == 3)
                {
                    await source.DeleteAsync(key);
                }
                else
                {
                    await source.PutAsync(key, $"v{i}");
                }
            }
            catch (Exception e) when (e is EtcdOutcomeUnknownException or TimeoutException || e is EtcdException { IsTransient: true })
            {
                unknown++; // the comparison below is of what the source holds, whatever became of this write
            }
        }

        Output.WriteLine($"writes with an unknown or failed outcome: {unknown}");
        await Eventually.TrueAsync(
            async () => Describe(await source.GetAsync("m/", new GetOptions { Prefix = true })) == Describe(await destination.GetAsync("m/", new GetOptions { Prefix = true })),
            TimeSpan.FromSeconds(30),
            "the destination to hold the source's keys and values, in the order of their last change");
        Assert.False(mirror.IsCompleted, mirror.Exception?.ToString());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mirror);
    }

    /// <summary>Keys and values, ordered by the revision of their last change (the destination's numbers differ, the order must not).</summary>
    private static string Describe(GetResponse response)
        => string.Join('\n', response.Kvs.OrderBy(kv => kv.ModRevision).Select(kv => $"{kv.KeyString}={kv.ValueString}"));
}
