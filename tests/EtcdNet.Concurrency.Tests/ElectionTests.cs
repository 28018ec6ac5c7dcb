using EtcdNet.Concurrency.Tests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.Concurrency.Tests;

/// <summary>EtcdElection on a real one-member cluster, including interop with etcdctl elect.</summary>
public sealed class ElectionTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    [Fact]
    public async Task Campaign_Proclaim_Observe_Resign_Failover_AndResume()
    {
        await using var client = CreateClient();
        await using var a = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        await using var b = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var name = UniqueName("election");
        var electionA = new EtcdElection(a, name);
        var electionB = new EtcdElection(b, name);
        await Assert.ThrowsAsync<EtcdElectionNoLeaderException>(() => electionA.LeaderAsync());
        await Assert.ThrowsAsync<EtcdElectionNotLeaderException>(() => electionA.ProclaimAsync("x"));

        using var observeStop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var observer = new EtcdElection(a, name).ObserveAsync(observeStop.Token).GetAsyncEnumerator(observeStop.Token);
        var firstObserved = observer.MoveNextAsync().AsTask();

        await electionA.CampaignAsync("a1");
        Assert.True(await firstObserved);
        Assert.Equal("a1", observer.Current.ValueString);
        Assert.Equal(name + "/" + a.LeaseId.ToString("x", System.Globalization.CultureInfo.InvariantCulture), electionA.LeaderKey);

        var campaignB = electionB.CampaignAsync("b1");
        await electionA.ProclaimAsync("a2");
        Assert.True(await observer.MoveNextAsync());
        Assert.Equal("a2", observer.Current.ValueString);
        Assert.Equal("a2", (await electionB.LeaderAsync()).ValueString);
        Assert.False(campaignB.IsCompleted);

        // Resume leadership (as after a restart) and proclaim through the resumed handle.
        var resumed = await EtcdElection.ResumeAsync(a, name, electionA.LeaderKey!, electionA.LeaderRevision);
        await resumed.ProclaimAsync("a3");
        Assert.True(await observer.MoveNextAsync());
        Assert.Equal("a3", observer.Current.ValueString);

        await resumed.ResignAsync();
        await campaignB.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await observer.MoveNextAsync());
        Assert.Equal("b1", observer.Current.ValueString);
        await Assert.ThrowsAsync<EtcdElectionNotLeaderException>(() => electionA.ProclaimAsync("stale"));
        await electionB.ResignAsync();
        observeStop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await observer.MoveNextAsync());
        await observer.DisposeAsync();
    }

    [Fact]
    public async Task Interop_EtcdctlElect_SeesOurLeader_AndWeObserveEtcdctlsProclamation()
    {
        var endpoint = Cluster.ClientUrls[0];
        var name = UniqueName("ctl-elect");
        await using var client = CreateClient();
        await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
        var election = new EtcdElection(session, name);
        await election.CampaignAsync("dotnet-leader");

        await using (var listener = EtcdctlProcess.Start(endpoint, "elect", "-l", name))
        {
            Assert.Equal(election.LeaderKey, await listener.NextLineAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal("dotnet-leader", await listener.NextLineAsync(TimeSpan.FromSeconds(5)));
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var observer = new EtcdElection(session, name).ObserveAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await observer.MoveNextAsync());
        Assert.Equal("dotnet-leader", observer.Current.ValueString);

        await using var candidate = EtcdctlProcess.Start(endpoint, "elect", name, "go-leader");
        await Task.Delay(300);
        await election.ResignAsync();
        Assert.True(await observer.MoveNextAsync());
        Assert.Equal("go-leader", observer.Current.ValueString);
        Assert.NotNull(await candidate.NextLineAsync(TimeSpan.FromSeconds(10)));
        stop.Cancel();
        await observer.DisposeAsync();
    }
}
