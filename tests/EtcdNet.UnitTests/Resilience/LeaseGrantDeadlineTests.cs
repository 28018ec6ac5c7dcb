using EtcdNet.Lease;
using EtcdNet.Protocol.Rpc;
using RpcKeepAliveResponse = EtcdNet.Protocol.Rpc.LeaseKeepAliveResponse;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>
/// A kept-alive lease whose first renewal never gets an answer: the server expires it at its TTL, so a lease this
/// client granted must count as lost by then, even when the TTL is shorter than the first renewal's own allowance
/// (5 s here). The fake clock is moved to the moment the lease must be lost by, and no further.
/// </summary>
public sealed class LeaseGrantDeadlineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>Lease 9 granted (or renewed) for 2 s.</summary>
    private static Protocol.Rpc.LeaseGrantResponse Granted => new() { ID = 9, TTL = 2, Header = new Protocol.Rpc.ResponseHeader { Revision = 1 } };

    private static RpcKeepAliveResponse Renewal => new() { ID = 9, TTL = 2, Header = new Protocol.Rpc.ResponseHeader { Revision = 1 } };

    [Fact]
    public async Task A_lease_granted_here_is_lost_by_its_ttl_when_its_first_renewal_is_never_answered()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenAnswer(Granted);
        await using var leases = new LeaseClient(scripted.Invoker);
        var granted = scripted.Time.GetUtcNow();
        var grant = await leases.GrantAsync(TimeSpan.FromSeconds(2));

        await using var handle = leases.KeepAliveAsync(grant.Id);
        await RenewalSentAsync(scripted, 9);
        await AdvanceToAsync(scripted.Time, granted + TimeSpan.FromSeconds(2));
        await using var wake = leases.KeepAliveAsync(9); // one more scheduler pass at this moment, whatever its timer said

        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => handle.Completion.WaitAsync(Guard));
        Assert.Equal(LeaseLostReason.Expired, lost.Reason);
    }

    [Fact]
    public async Task A_lease_kept_alive_only_after_its_ttl_has_passed_since_the_grant_is_lost_at_once()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenAnswer(Granted);
        await using var leases = new LeaseClient(scripted.Invoker);
        var grant = await leases.GrantAsync(TimeSpan.FromSeconds(2));
        scripted.Time.Advance(TimeSpan.FromSeconds(3)); // the server may have expired it meanwhile

        await using var handle = leases.KeepAliveAsync(grant.Id);

        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => handle.Completion.WaitAsync(Guard)); // the clock stands still
        Assert.Equal(LeaseLostReason.Expired, lost.Reason);
    }

    [Fact]
    public async Task A_single_renewal_moves_the_grant_s_deadline_on()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenAnswer(Granted);
        await using var leases = new LeaseClient(scripted.Invoker);
        await leases.GrantAsync(TimeSpan.FromSeconds(2));
        scripted.Time.Advance(TimeSpan.FromSeconds(1.5));
        var once = leases.KeepAliveOnceAsync(9);
        var single = await scripted.Transport.NextStreamAsync<LeaseKeepAliveRequest, RpcKeepAliveResponse>().WaitAsync(Guard);
        single.Answer(Renewal);
        await once.WaitAsync(Guard);
        scripted.Time.Advance(TimeSpan.FromSeconds(1)); // past the grant's 2 s, within the renewal's

        await using var handle = leases.KeepAliveAsync(9);
        var stream = await scripted.Transport.NextStreamAsync<LeaseKeepAliveRequest, RpcKeepAliveResponse>().WaitAsync(Guard);
        Assert.Equal(9, (await stream.NextWriteAsync()).ID);
        stream.Answer(Renewal);

        await using var renewals = handle.GetAsyncEnumerator();
        Assert.True(await renewals.MoveNextAsync().AsTask().WaitAsync(Guard)); // renewed, not lost at once
    }

    [Fact]
    public async Task A_lease_granted_elsewhere_is_lost_when_the_first_renewal_allowance_ends()
    {
        using var scripted = new ScriptedInvoker();
        await using var leases = new LeaseClient(scripted.Invoker);
        var started = scripted.Time.GetUtcNow();

        await using var handle = leases.KeepAliveAsync(9);
        await RenewalSentAsync(scripted, 9);
        await AdvanceToAsync(scripted.Time, started + TimeSpan.FromSeconds(5)); // its TTL is unknown until an answer
        await using var wake = leases.KeepAliveAsync(9); // one more scheduler pass at this moment, whatever its timer said

        var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => handle.Completion.WaitAsync(Guard));
        Assert.Equal(LeaseLostReason.Expired, lost.Reason);
    }

    private static async Task RenewalSentAsync(ScriptedInvoker scripted, long id)
    {
        var stream = await scripted.Transport.NextStreamAsync<LeaseKeepAliveRequest, RpcKeepAliveResponse>().WaitAsync(Guard);
        Assert.Equal(id, (await stream.NextWriteAsync().WaitAsync(Guard)).ID); // sent, never answered
    }

    private static async Task AdvanceToAsync(CountingClock time, DateTimeOffset until)
    {
        while (time.GetUtcNow() < until)
        {
            var left = until - time.GetUtcNow();
            time.Advance(left < Step ? left : Step);
            await Task.Yield();
        }
    }
}
