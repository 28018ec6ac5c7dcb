using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;
using static EtcdNet.IntegrationTests.ElectionTestSupport;

namespace EtcdNet.IntegrationTests;

/// <summary>The Election service on a real one-member cluster: campaign, proclaim, observe, leader, resign, errors.</summary>
public sealed class ElectionTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    private EtcdClient CreateClient() => new(new EtcdClientOptions
    {
        Endpoints = Cluster.ClientUrls,
        DialTimeout = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(1), // Campaign outlasts it: it is not bounded by it
    });

    private static string NewName() => "elections/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ThreeCampaigners_ObserversSeeEveryProclamationInOrder_AndResignHandsLeadershipOn()
    {
        var name = NewName();
        await using var a = CreateClient();
        await using var b = CreateClient();
        await using var c = CreateClient();
        await using var reader = CreateClient();
        await using var observerClient1 = CreateClient();
        await using var observerClient2 = CreateClient();
        var leaseA = (await a.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var leaseB = (await b.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var leaseC = (await c.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        await using var observer1 = new ObserveRecorder(observerClient1, name); // before anyone campaigns
        await using var observer2 = new ObserveRecorder(observerClient2, name);
        await Assert.ThrowsAsync<EtcdElectionNoLeaderException>(() => reader.Election.LeaderAsync(name));

        var leaderA = await a.Election.CampaignAsync(name, leaseA, "a0");
        Assert.Equal(name, leaderA.NameString);
        Assert.Equal($"{name}/{leaseA:x}", leaderA.KeyString);
        Assert.Equal(leaseA, leaderA.Lease);
        await observer1.WaitForCountAsync(1);
        await observer2.WaitForCountAsync(1);

        var campaignB = b.Election.CampaignAsync(name, leaseB, "b0");
        await WaitForKeysAsync(reader, name, 2);
        var campaignC = c.Election.CampaignAsync(name, leaseC, "c0");
        await WaitForKeysAsync(reader, name, 3); // queued: a, then b, then c
        for (var i = 1; i <= 20; i++)
        {
            await a.Election.ProclaimAsync(leaderA, $"a{i}");
        }

        await observer1.WaitForCountAsync(21);
        await observer2.WaitForCountAsync(21);
        var current = await reader.Election.LeaderAsync(name);
        Assert.Equal("a20", current.Kv.ValueString);
        Assert.Equal(leaderA.KeyString, current.Kv.KeyString);
        Assert.Equal(leaderA.Rev, current.Kv.CreateRevision);
        Assert.False(campaignB.IsCompleted || campaignC.IsCompleted, "a campaign completed while a led");

        await a.Election.ResignAsync(leaderA);
        var leaderB = await campaignB.WaitAsync(Wait);
        Assert.True(leaderB.Rev > leaderA.Rev);
        await observer1.WaitForCountAsync(22); // b0: proclaim b1 only once it was seen, so the observers cannot skip it
        await observer2.WaitForCountAsync(22);
        Assert.False(campaignC.IsCompleted, "c won while b led");
        var stale = await Assert.ThrowsAsync<EtcdElectionNotLeaderException>(() => a.Election.ProclaimAsync(leaderA, "a-stale"));
        Assert.Equal("election: not leader", stale.ServerMessage);
        await b.Election.ProclaimAsync(leaderB, "b1");
        await observer1.WaitForCountAsync(23);
        Assert.Equal("b1", (await reader.Election.LeaderAsync(name)).Kv.ValueString);

        await b.Election.ResignAsync(leaderB);
        var leaderC = await campaignC.WaitAsync(Wait);
        await observer1.WaitForCountAsync(24);
        await observer2.WaitForCountAsync(24);
        Assert.Equal("c0", (await reader.Election.LeaderAsync(name)).Kv.ValueString);
        await a.Election.ResignAsync(leaderA); // resigning a lost leadership does nothing

        string[] expected = [.. Enumerable.Range(0, 21).Select(i => $"a{i}"), "b0", "b1", "c0"];
        Assert.Equal(expected, observer1.Values);
        Assert.Equal(expected, observer2.Values);
        var seen = observer1.Seen;
        Assert.All(seen.Zip(seen.Skip(1)), pair => Assert.True(
            (pair.Second.Kv.CreateRevision, pair.Second.Kv.ModRevision).CompareTo((pair.First.Kv.CreateRevision, pair.First.Kv.ModRevision)) > 0));

        await c.Election.ResignAsync(leaderC);
        var none = await Assert.ThrowsAsync<EtcdElectionNoLeaderException>(() => reader.Election.LeaderAsync(name));
        Assert.Equal("election: no leader", none.ServerMessage);
    }

    [Fact]
    public async Task ALeaderWhoseLeaseExpires_LosesLeadership_ToTheNextCampaigner()
    {
        var name = NewName();
        await using var client = CreateClient();
        var shortLease = (await client.Lease.GrantAsync(TimeSpan.FromSeconds(2))).Id; // never kept alive
        var longLease = (await client.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var first = await client.Election.CampaignAsync(name, shortLease, "first");
        var second = client.Election.CampaignAsync(name, longLease, "second");
        await WaitForKeysAsync(client, name, 2);

        var leader = await second.WaitAsync(Wait);
        Assert.Equal("second", (await client.Election.LeaderAsync(name)).Kv.ValueString);
        await Assert.ThrowsAsync<EtcdElectionNotLeaderException>(() => client.Election.ProclaimAsync(first, "too late"));
        await client.Election.ProclaimAsync(leader, "still here");
    }

    [Fact]
    public async Task CancellingACampaign_ThrowsWithTheCallersToken_AndWithdrawsTheCampaignersKey()
    {
        var name = NewName();
        await using var client = CreateClient();
        var leaseA = (await client.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var leaseB = (await client.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        await client.Election.CampaignAsync(name, leaseA, "a");
        using var cts = new CancellationTokenSource();
        var campaign = client.Election.CampaignAsync(name, leaseB, "b", cts.Token);
        await WaitForKeysAsync(client, name, 2);

        await cts.CancelAsync();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => campaign);
        Assert.Equal(cts.Token, e.CancellationToken);
        await WaitForKeysAsync(client, name, 1);
        Assert.Equal("a", (await client.Election.LeaderAsync(name)).Kv.ValueString);
    }

    [Fact]
    public async Task BadArguments_FailBeforeSending()
    {
        await using var client = CreateClient();
        Assert.Throws<ArgumentException>(() => client.Election.ObserveAsync("")); // before enumeration starts
        await Assert.ThrowsAsync<ArgumentException>(() => client.Election.CampaignAsync("", 1, "v"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Election.CampaignAsync(NewName(), 0, "v"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Election.LeaderAsync(EtcdBytes.Empty));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Election.ProclaimAsync(null!, "v"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Election.ResignAsync(null!));
        await Assert.ThrowsAsync<EtcdLeaseNotFoundException>(() => client.Election.CampaignAsync(NewName(), 0x7777_0000_1234, "v"));
    }

    [Fact]
    public async Task ALeaderKeyRebuiltFromItsParts_ProclaimsAndResigns()
    {
        var name = NewName();
        await using var client = CreateClient();
        var lease = (await client.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var original = await client.Election.CampaignAsync(name, lease, "v1");
        var rebuilt = new LeaderKey(original.NameString, original.KeyString, original.Rev, original.Lease);
        await client.Election.ProclaimAsync(rebuilt, "v2");
        Assert.Equal("v2", (await client.Election.LeaderAsync(name)).Kv.ValueString);
        await client.Election.ResignAsync(rebuilt);
        await Assert.ThrowsAsync<EtcdElectionNoLeaderException>(() => client.Election.LeaderAsync(name));
    }
}
