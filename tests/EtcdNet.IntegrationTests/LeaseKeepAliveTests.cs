using EtcdNet.IntegrationTests.Infrastructure;
using System.Diagnostics;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>KeepAliveAsync on a healthy single-member cluster: renewals, release, revocation, sharing.</summary>
[Collection(LeaseKeepAliveCollection.Name)]
public class LeaseKeepAliveTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    private EtcdClient CreateClient() => LeaseTestSupport.CreateClient(Cluster.ClientUrls, ClientProtocol);

    [Fact]
    public async Task KeptAlive_PastTwiceItsTtl_TheLeaseAndItsKeyLive_AndAfterDisposeTheyExpireWithinTheTtl()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(Ttl);
        await client.PutAsync("ka/key", "v", new PutOptions { Lease = lease.Id });

        var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.FirstRenewal;
        await Task.Delay(TimeSpan.FromSeconds(12)); // well past the TTL: only the keep-alive can keep it

        var ttl = await client.Lease.TimeToLiveAsync(lease.Id);
        Assert.True(ttl.Ttl > TimeSpan.Zero, $"remaining TTL {ttl.Ttl}");
        Assert.Single((await client.GetAsync("ka/key")).Kvs);
        Assert.False(keepAlive.Lost.IsCancellationRequested);
        Assert.False(keepAlive.Completion.IsCompleted);
        Assert.InRange(renewals.Count, 6, 12); // every TTL/3 ≈ 1.7 s over ~12 s, plus the first
        Output.WriteLine($"{renewals.Count} renewals in 12 s; {LeaseTestSupport.KeepAlives(client).StreamsOpened} stream(s)");

        await keepAlive.DisposeAsync();
        var released = Stopwatch.StartNew();
        await renewals.Ended; // the enumeration ends normally
        await keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(1)); // and completes successfully
        Assert.False(keepAlive.Lost.IsCancellationRequested);
        await WaitForStreamClosedAsync(client); // no lease left: the stream is closed

        while ((await client.GetAsync("ka/key")).Kvs.Count > 0)
        {
            Assert.True(released.Elapsed < Ttl + TimeSpan.FromSeconds(2), "the key outlived the TTL after the keep-alive stopped");
            await Task.Delay(100);
        }

        Output.WriteLine($"key gone {released.Elapsed.TotalSeconds:0.00} s after dispose");
        Assert.True((await client.Lease.TimeToLiveAsync(lease.Id)).Ttl < TimeSpan.Zero);
    }

    [Fact]
    public async Task MaxRenewInterval_RenewsALongLeaseThatOften_AndNoticesARevocationWithinIt()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(60));
        var keepAlive = client.Lease.KeepAliveAsync(lease.Id, new LeaseKeepAliveOptions { MaxRenewInterval = TimeSpan.FromMilliseconds(200) });
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.FirstRenewal;
        var since = Stopwatch.StartNew();
        await renewals.WaitForCountAsync(6); // a third of the TTL would be 20 s between renewals
        Output.WriteLine($"5 more renewals in {since.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(since.Elapsed < TimeSpan.FromSeconds(3), $"5 renewals took {since.Elapsed}");

        await using var other = CreateClient();
        await other.Lease.RevokeAsync(lease.Id);
        var revoked = Stopwatch.StartNew();
        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Output.WriteLine($"declared lost {revoked.Elapsed.TotalMilliseconds:F0} ms after revoke");
        Assert.Equal(LeaseLostReason.NotFound, lost.Reason);
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(1), $"lost after {revoked.Elapsed}");
    }

    [Fact]
    public async Task MaxRenewInterval_UnderTheMinimum_IsRejected()
    {
        await using var client = CreateClient();
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Lease.KeepAliveAsync(1, new LeaseKeepAliveOptions { MaxRenewInterval = TimeSpan.FromMilliseconds(50) }));
        Assert.Throws<ArgumentNullException>(() => client.Lease.KeepAliveAsync(1, null!));
    }

    [Fact]
    public async Task Revoked_WhileKeptAlive_IsDeclaredLostPromptly_AsGone()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(6));
        var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.FirstRenewal;

        await client.Lease.RevokeAsync(lease.Id);
        var revoked = Stopwatch.StartNew();
        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(6)));
        Output.WriteLine($"declared lost {revoked.Elapsed.TotalSeconds:0.00} s after revoke: {lost.Message}");

        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(1), "not at the next renewal (TTL/3 = 2 s)");
        Assert.Equal(LeaseLostReason.NotFound, lost.Reason);
        Assert.Equal(lease.Id, lost.LeaseId);
        Assert.Contains("reported it gone", lost.Message, StringComparison.Ordinal);
        Assert.False(lost.IsTransient);
        Assert.True(keepAlive.Lost.IsCancellationRequested);
        var enumerated = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => renewals.Ended);
        Assert.Equal(LeaseLostReason.NotFound, enumerated.Reason);
        await WaitForStreamClosedAsync(client); // no lease left: the stream is closed
    }

    [Fact]
    public async Task KeepAlive_OfALeaseThatNeverExisted_IsLostAsGone_AtTheFirstRenewal()
    {
        await using var client = CreateClient();
        var keepAlive = client.Lease.KeepAliveAsync(0x7eadbeef4321);
        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(LeaseLostReason.NotFound, lost.Reason);
        Assert.Equal(Cluster.ClientUrls[0], lost.Endpoint);
        Assert.True(keepAlive.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task TwoHandles_OnOneLease_BothGetRenewals_DisposingOneKeepsTheOther_AndBothSeeTheLoss()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(Ttl);
        var first = client.Lease.KeepAliveAsync(lease.Id);
        var second = client.Lease.KeepAliveAsync(lease.Id);
        var third = client.Lease.KeepAliveAsync(lease.Id);
        var firstRenewals = new LeaseTestSupport.RenewalRecorder(first);
        var secondRenewals = new LeaseTestSupport.RenewalRecorder(second);
        await firstRenewals.WaitForCountAsync(2);
        await secondRenewals.WaitForCountAsync(2);
        Assert.Equal(1, LeaseTestSupport.KeepAlives(client).LeaseCount);

        await third.DisposeAsync();
        await third.Completion;
        var atDispose = firstRenewals.Count;
        await firstRenewals.WaitForCountAsync(atDispose + 2); // still renewed for the others

        await client.Lease.RevokeAsync(lease.Id);
        await Assert.ThrowsAsync<EtcdLeaseLostException>(() => first.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<EtcdLeaseLostException>(() => second.Completion.WaitAsync(TimeSpan.FromSeconds(1)));
        Assert.True(first.Lost.IsCancellationRequested);
        Assert.True(second.Lost.IsCancellationRequested);
        Assert.False(third.Lost.IsCancellationRequested); // it had already stopped
        await Assert.ThrowsAsync<EtcdLeaseLostException>(() => secondRenewals.Ended);
    }

    [Fact]
    public async Task CancellingTheToken_StopsTheKeepAlive_WithoutRevoking_AndClosesTheIdleStream()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource();
        var keepAlive = client.Lease.KeepAliveAsync(lease.Id, cts.Token);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.FirstRenewal;

        await cts.CancelAsync();
        await keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(1)); // completes successfully
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => renewals.Ended);
        Assert.Equal(cts.Token, error.CancellationToken);
        Assert.False(keepAlive.Lost.IsCancellationRequested);
        await WaitForStreamClosedAsync(client);
        Assert.True((await client.Lease.TimeToLiveAsync(lease.Id)).Ttl > TimeSpan.FromSeconds(20)); // not revoked
    }

    [Fact]
    public async Task AConsumerThatNeverEnumerates_KeepsOnlyTheLatestRenewals()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(3)); // renewed every second
        await using var idle = client.Lease.KeepAliveAsync(lease.Id);
        var watcher = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(watcher);
        await renewals.WaitForCountAsync(LeaseKeepAlive.BufferCapacity + 3);

        Assert.True(idle.DroppedResponses >= 2, $"dropped {idle.DroppedResponses}");
        var kept = new List<LeaseKeepAliveResponse>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            await foreach (var renewal in idle.WithCancellation(stop.Token))
            {
                kept.Add(renewal);
            }
        }
        catch (OperationCanceledException)
        {
            // the buffered renewals were all taken
        }

        Assert.InRange(kept.Count, LeaseKeepAlive.BufferCapacity, LeaseKeepAlive.BufferCapacity + 1); // the latest few, plus one that may have arrived since
        await watcher.DisposeAsync();
    }

    [Fact]
    public async Task HundredLeases_ShareOneStream_AndNoneExpiresOverTwiceTheTtl()
    {
        await using var client = CreateClient();
        var member = Cluster.Members[0];
        var streamsBefore = await LeaseTestSupport.KeepAliveStreamsStartedAsync(member);
        var leases = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.Lease.GrantAsync(Ttl)));
        var handles = leases.Select(l => client.Lease.KeepAliveAsync(l.Id)).ToArray();

        await Task.Delay(2 * Ttl);
        var renewals = LeaseTestSupport.KeepAlives(client).RenewalsReceived;

        if (handles.FirstOrDefault(h => h.Completion.IsFaulted) is { } lost)
        {
            Output.WriteLine($"first loss: {lost.Completion.Exception?.InnerException}");
        }

        Assert.All(handles, h => Assert.False(h.Lost.IsCancellationRequested, $"lease {h.LeaseId:x} lost"));
        var ttls = await Task.WhenAll(leases.Select(l => client.Lease.TimeToLiveAsync(l.Id)));
        Assert.All(ttls, t => Assert.True(t.Ttl > TimeSpan.Zero, $"lease {t.Id:x} expired"));
        var keepAlives = LeaseTestSupport.KeepAlives(client);
        var streamsOnServer = await LeaseTestSupport.KeepAliveStreamsStartedAsync(member) - streamsBefore;
        Output.WriteLine($"streams opened: client {keepAlives.StreamsOpened}, server {streamsOnServer}; renewals {renewals}");
        // One shared stream (a second only if a slow renewal made the client reopen it under load).
        Assert.InRange(keepAlives.StreamsOpened, 1, 2);
        if (ClientProtocol == EtcdProtocol.JsonGateway)
        {
            // Over the gateway each renewal is an HTTP request of its own, which is one stream on the server.
            Assert.True(streamsOnServer >= renewals, $"{streamsOnServer} streams on the server for {renewals} renewals");
        }
        else
        {
            Assert.Equal(keepAlives.StreamsOpened, streamsOnServer);
        }
        Assert.InRange(renewals, 100 * 5, 100 * 9); // about 1 + (10 s / 1.67 s) each

        foreach (var handle in handles)
        {
            await handle.DisposeAsync();
        }

        await WaitForStreamClosedAsync(client);
    }

    [Fact]
    public async Task DisposingTheClient_EndsEveryKeepAlive_AsLostBecauseTheClientWasDisposed()
    {
        await using var client = CreateClient();
        var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(30));
        var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
        var renewals = new LeaseTestSupport.RenewalRecorder(keepAlive);
        await renewals.FirstRenewal;

        await client.DisposeAsync();

        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => keepAlive.Completion.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(LeaseLostReason.ClientDisposed, lost.Reason);
        Assert.True(keepAlive.Lost.IsCancellationRequested);
        await Assert.ThrowsAsync<EtcdLeaseLostException>(() => renewals.Ended);
        Assert.Throws<ObjectDisposedException>(() => client.Lease.KeepAliveAsync(lease.Id));
    }

    private static async Task WaitForStreamClosedAsync(EtcdClient client)
    {
        var keepAlives = LeaseTestSupport.KeepAlives(client);
        var wait = Stopwatch.StartNew();
        while (keepAlives.CurrentEndpoint is not null)
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(2), "the idle keep-alive stream was not closed");
            await Task.Delay(10);
        }
    }
}
