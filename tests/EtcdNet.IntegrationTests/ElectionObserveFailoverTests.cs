using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;
using static EtcdNet.IntegrationTests.ElectionTestSupport;

namespace EtcdNet.IntegrationTests;

/// <summary>Observe on a 3-member cluster losing the member that carries its stream: every proclamation once, in order.</summary>
public sealed class ElectionObserveFailoverTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    private EtcdClient CreateClient(IEnumerable<string> endpoints) => new(new EtcdClientOptions
    {
        Endpoints = endpoints.ToArray(),
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
        KeepAliveTime = TimeSpan.FromSeconds(5),
        KeepAliveTimeout = TimeSpan.FromSeconds(1),
    });

    [Fact]
    public async Task EveryProclamationOnce_WhenTheObservedMemberIsKilled_AcrossALeadershipChange()
    {
        var name = "elections/" + Guid.NewGuid().ToString("N");
        await using var campaigner = CreateClient(Cluster.ClientUrls);
        await using var observing = CreateClient(Cluster.ClientUrls);
        var leaseV = (await campaigner.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var leaderV = await campaigner.Election.CampaignAsync(name, leaseV, "v0");

        using var stop = new CancellationTokenSource();
        var observation = observing.Election.ObserveAsync(name, stop.Token).GetAsyncEnumerator();
        var seen = new List<string> { (await NextAsync(observation)).Kv.ValueString };
        var diagnostics = ObserveDiagnostics(observing);
        var victim = Cluster.Members.Single(m => m.ClientUrl == diagnostics.CurrentEndpoint);

        // Everything else goes through the other members, so the kill only breaks the observation.
        await using var others = CreateClient(Cluster.ClientUrls.Where(u => u != victim.ClientUrl));
        var leaseW = (await others.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var campaignW = others.Election.CampaignAsync(name, leaseW, "w0");
        await WaitForKeysAsync(others, name, 2);
        for (var i = 1; i <= 10; i++)
        {
            await others.Election.ProclaimAsync(leaderV, $"v{i}");
        }

        while (seen.Count < 11)
        {
            seen.Add((await NextAsync(observation)).Kv.ValueString);
        }

        // Kill the observed member, then proclaim while the observer is not reading: these can only
        // reach it after it reconnected elsewhere, through the history replay.
        await victim.KillAsync();
        await Cluster.WaitForLeaderAsync();
        for (var i = 11; i <= 15; i++)
        {
            await others.Election.ProclaimAsync(leaderV, $"v{i}");
        }

        await others.Election.ResignAsync(leaderV);
        var leaderW = await campaignW.WaitAsync(Wait);
        for (var i = 1; i <= 3; i++)
        {
            await others.Election.ProclaimAsync(leaderW, $"w{i}");
        }

        while (seen.Count < 20)
        {
            seen.Add((await NextAsync(observation)).Kv.ValueString);
        }

        // And live again on the new stream.
        for (var i = 4; i <= 6; i++)
        {
            await others.Election.ProclaimAsync(leaderW, $"w{i}");
        }

        while (seen.Count < 23)
        {
            seen.Add((await NextAsync(observation)).Kv.ValueString);
        }

        Output.WriteLine($"observed: {string.Join(",", seen)}; streams opened {diagnostics.StreamsOpened}, replays {diagnostics.Replays}, now on {diagnostics.CurrentEndpoint} (killed {victim.ClientUrl})");
        string[] expected = [.. Enumerable.Range(0, 16).Select(i => $"v{i}"), .. Enumerable.Range(0, 7).Select(i => $"w{i}")];
        Assert.Equal(expected, seen);
        Assert.NotEqual(victim.ClientUrl, diagnostics.CurrentEndpoint);
        Assert.True(diagnostics.StreamsOpened >= 2);
        Assert.True(diagnostics.Replays >= 1);

        // Nothing more, nothing twice: the next delivery is the next proclamation.
        await others.Election.ProclaimAsync(leaderW, "w7");
        Assert.Equal("w7", (await NextAsync(observation)).Kv.ValueString);
        await stop.CancelAsync();
        await observation.DisposeAsync();
    }

    [Fact]
    public async Task NoDuplicate_WhenTheStreamMovesTwiceWithNothingNewProclaimed()
    {
        var name = "elections/" + Guid.NewGuid().ToString("N");
        await using var campaigner = CreateClient(Cluster.ClientUrls);
        await using var observing = CreateClient(Cluster.ClientUrls);
        var lease = (await campaigner.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var leader = await campaigner.Election.CampaignAsync(name, lease, "v0");
        using var stop = new CancellationTokenSource();
        var observation = observing.Election.ObserveAsync(name, stop.Token).GetAsyncEnumerator();
        Assert.Equal("v0", (await NextAsync(observation)).Kv.ValueString);
        var diagnostics = ObserveDiagnostics(observing);

        for (var round = 1; round <= 2; round++)
        {
            var victim = Cluster.Members.Single(m => m.ClientUrl == diagnostics.CurrentEndpoint);
            var duplicates = diagnostics.Duplicates;
            var next = NextAsync(observation);
            await victim.KillAsync();
            await Eventually.TrueAsync(() => Task.FromResult(diagnostics.Duplicates > duplicates), Wait,
                "the new stream starts with the current value, which was delivered already");
            Assert.False(next.IsCompleted, "a value was delivered again");
            Assert.NotEqual(victim.ClientUrl, diagnostics.CurrentEndpoint);

            await Cluster.WaitForLeaderAsync();
            await campaigner.Election.ProclaimAsync(leader, $"v{round}");
            Assert.Equal($"v{round}", (await next).Kv.ValueString);
            await victim.StartAsync();
            Output.WriteLine($"round {round}: killed {victim.Name}; now on {diagnostics.CurrentEndpoint}, streams opened {diagnostics.StreamsOpened}");
        }

        await stop.CancelAsync();
        await observation.DisposeAsync();
    }
}
