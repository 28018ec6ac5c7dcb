using EtcdNet.IntegrationTests.Infrastructure;
using System.Diagnostics;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>KeepAliveAsync on a 3-member cluster losing members: the lease survives failovers and is declared lost when nothing can renew it.</summary>
[Collection(LeaseKeepAliveCollection.Name)]
public sealed class LeaseKeepAliveFailoverTests(ITestOutputHelper output)
    : OwnClusterTest(output, 3)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task KillingTheLeader_DoesNotLoseTheLease()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls);
        var lease = await client.Lease.GrantAsync(Ttl);
        await client.PutAsync("leader/key", "v", new PutOptions { Lease = lease.Id });
        await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.WaitForCountAsync(2);

        var leader = await Cluster.GetLeaderAsync();
        Output.WriteLine($"killing leader {leader}; stream on {LeaseTestSupport.KeepAlives(client).CurrentEndpoint}");
        await leader.KillAsync();
        var atKill = renewals.Count;
        await Task.Delay(TimeSpan.FromSeconds(10)); // twice the TTL

        Assert.False(keepAlive.Lost.IsCancellationRequested);
        Assert.False(keepAlive.Completion.IsCompleted);
        Assert.True(renewals.Count >= atKill + 3, $"{renewals.Count - atKill} renewals after the kill");
        var ttl = await client.Lease.TimeToLiveAsync(lease.Id);
        Assert.True(ttl.Ttl > TimeSpan.Zero, $"remaining TTL {ttl.Ttl}");
        Assert.Single((await client.GetAsync("leader/key")).Kvs);
        Output.WriteLine($"{renewals.Count - atKill} renewals after the kill; streams opened {LeaseTestSupport.KeepAlives(client).StreamsOpened}");
    }

    [Fact]
    public async Task PausingTheStreamsMember_ForThreeSeconds_DoesNotLoseTheLease()
    {
        var leader = await Cluster.GetLeaderAsync();
        var follower = Cluster.Members.First(m => m != leader);
        // The stream starts on the first endpoint: a follower (pausing the leader would also stop renewals everywhere until an election).
        await using var client = LeaseTestSupport.CreateClient([follower.ClientUrl, .. Cluster.ClientUrls.Where(u => u != follower.ClientUrl)]);
        await using var granting = LeaseTestSupport.CreateClient(Cluster.ClientUrls);
        var lease = await granting.Lease.GrantAsync(Ttl);
        await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.WaitForCountAsync(2);
        var keepAlives = LeaseTestSupport.KeepAlives(client);
        var paused = LeaseTestSupport.MemberAt(Cluster, keepAlives.CurrentEndpoint);
        Assert.Equal(follower, paused);

        paused.Pause();
        var atPause = renewals.Count;
        var clock = Stopwatch.StartNew();
        try
        {
            await renewals.WaitForCountAsync(atPause + 1); // renewed elsewhere while the member is frozen
            Output.WriteLine($"renewed through {keepAlives.CurrentEndpoint} {clock.Elapsed.TotalSeconds:0.00} s after pausing {paused.Name}");
            Assert.NotEqual(paused.ClientUrl, keepAlives.CurrentEndpoint);
            await Task.Delay(TimeSpan.FromSeconds(3) - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }
        finally
        {
            paused.Resume();
        }

        await Task.Delay(Ttl);
        Assert.False(keepAlive.Lost.IsCancellationRequested);
        Assert.False(keepAlive.Completion.IsCompleted);
        var ttl = await granting.Lease.TimeToLiveAsync(lease.Id);
        Assert.True(ttl.Ttl > TimeSpan.Zero, $"remaining TTL {ttl.Ttl}");
        Output.WriteLine($"streams opened {keepAlives.StreamsOpened}, renewals {renewals.Count}");
    }

    [Fact]
    public async Task EveryMemberStopped_TheLeaseIsDeclaredLost_WithinTheTtlOfTheLastRenewal()
    {
        await using var client = LeaseTestSupport.CreateClient(Cluster.ClientUrls);
        var lease = await client.Lease.GrantAsync(Ttl);
        var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.WaitForCountAsync(2);
        var lostAt = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        keepAlive.Lost.Register(() => lostAt.TrySetResult(renewals.Now));

        await Task.WhenAll(Cluster.Members.Select(m => m.KillAsync()));
        var stoppedAt = renewals.Now;

        var lost = await lostAt.Task.WaitAsync(Ttl + TimeSpan.FromSeconds(5));
        var lastRenewal = renewals.LastRenewal!.Value;
        Output.WriteLine($"last renewal seen at {lastRenewal.TotalSeconds:0.00} s, members stopped at {stoppedAt.TotalSeconds:0.00} s, lost at {lost.TotalSeconds:0.00} s");
        Assert.True(lost - lastRenewal <= Ttl + TimeSpan.FromSeconds(2), $"declared lost {(lost - lastRenewal).TotalSeconds:0.00} s after the last renewal");
        // The renewal was seen by the consumer a little after it was sent; allow for that lag.
        Assert.True(lost - lastRenewal >= Ttl - TimeSpan.FromSeconds(2.5), "declared lost before the TTL could have run out");

        var enumerated = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => renewals.Ended.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(LeaseLostReason.Expired, enumerated.Reason);
        Assert.Equal(lease.Id, enumerated.LeaseId);
        Assert.Contains("without a successful renewal", enumerated.Message, StringComparison.Ordinal);
        Assert.NotNull(enumerated.InnerException); // why the stream could not renew it
        var completion = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion);
        Assert.Equal(LeaseLostReason.Expired, completion.Reason);
        Output.WriteLine(enumerated.ToString());
    }
}
