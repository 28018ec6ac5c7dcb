using EtcdNet.Lease;

namespace EtcdNet.UnitTests;

public sealed class LeaseRenewalScheduleTests
{
    private static readonly TimeSpan FirstTimeout = TimeSpan.FromSeconds(6);
    private static readonly StreamState Down = StreamState.Down;
    private readonly LeaseRenewalSchedule _schedule = new();
    private readonly List<KeptAliveLease> _renew = [];
    private readonly List<KeptAliveLease> _expired = [];

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static StreamState Up(double lastResponse = 0) => new(true, S(lastResponse));

    private KeptAliveLease Add(long id, double now, StreamState stream)
    {
        var lease = new KeptAliveLease(id, S(now), FirstTimeout);
        _schedule.Schedule(lease, stream);
        return lease;
    }

    private bool Advance(double now, StreamState stream)
    {
        _renew.Clear();
        _expired.Clear();
        return _schedule.Advance(S(now), stream, _renew, _expired);
    }

    [Fact]
    public void ANewLease_IsRenewedImmediately_WhenTheStreamIsUp()
    {
        var lease = Add(1, now: 10, Up(10));
        Assert.Equal(S(10), _schedule.NextAt);

        Assert.False(Advance(10, Up(10)));

        Assert.Equal([lease], _renew);
        Assert.True(lease.InFlight);
        Assert.Equal(S(10), lease.SentAt);
        Assert.Equal(S(16), lease.ExpiresAt); // the first answer may take FirstResponseTimeout
    }

    [Fact]
    public void WithTheStreamDown_NothingIsSent_AndOnlyTheDeadlineIsScheduled()
    {
        var lease = Add(1, now: 0, Down);
        Assert.Equal(S(6), _schedule.NextAt);
        Advance(0, Down);
        Assert.Empty(_renew);

        Advance(5.9, Down);
        Assert.Empty(_expired);
        Advance(6, Down);
        Assert.Equal([lease], _expired);
        Assert.True(lease.Ended);
        Assert.Null(_schedule.NextAt);
    }

    [Fact]
    public void AfterARenewal_TheNextIsDueAtAThirdOfTheTtl_AndTheDeadlineCountsFromTheSending()
    {
        var lease = Add(1, now: 0, Up());
        Advance(0, Up());
        lease.Renewed(S(9), now: S(0.5)); // sent at 0, answered at 0.5
        _schedule.Schedule(lease, Up(0.5));

        Assert.False(lease.InFlight);
        Assert.Equal(S(3.5), lease.RenewAt);
        Assert.Equal(S(9), lease.ExpiresAt); // sent at 0 + TTL, not answered at 0.5 + TTL
        Advance(3.4, Up(0.5));
        Assert.Empty(_renew);
        Advance(3.5, Up(0.5));
        Assert.Equal([lease], _renew);
    }

    [Fact]
    public void AMaxRenewInterval_ShorterThanAThirdOfTheTtl_SetsTheNextRenewal_AndTheShortestRequestWins()
    {
        var lease = Add(1, now: 0, Up());
        lease.LimitRenewInterval(S(2), now: S(0));
        lease.LimitRenewInterval(S(5), now: S(0)); // longer: ignored
        Advance(0, Up());
        lease.Renewed(S(60), now: S(0.5));
        _schedule.Schedule(lease, Up(0.5));

        Assert.Equal(S(2), lease.MaxRenewInterval);
        Assert.Equal(S(2.5), lease.RenewAt);
        Advance(2.5, Up(0.5));
        Assert.Equal([lease], _renew);
    }

    [Fact]
    public void AResetRenewInterval_RelaxesTheNextRenewal_BackToAThirdOfTheTtl()
    {
        var lease = Add(1, now: 0, Up());
        lease.LimitRenewInterval(S(1), now: S(0));
        Advance(0, Up());
        lease.Renewed(S(60), now: S(0.5));
        Assert.Equal(S(1.5), lease.RenewAt);

        lease.ResetRenewInterval(TimeSpan.MaxValue);
        lease.InFlight = true;
        lease.SentAt = S(1.5);
        lease.Renewed(S(60), now: S(2));
        Assert.Equal(S(22), lease.RenewAt);
    }

    [Fact]
    public void AMaxRenewInterval_AskedForLater_BringsAFarRenewalForward()
    {
        var lease = Add(1, now: 0, Up());
        Advance(0, Up());
        lease.Renewed(S(60), now: S(0.5));
        _schedule.Schedule(lease, Up(0.5));
        Assert.Equal(S(20.5), lease.RenewAt);
        Advance(2.9, Up(0.5));
        Assert.Empty(_renew);

        lease.LimitRenewInterval(S(1), now: S(3));
        _schedule.Schedule(lease, Up(0.5));
        Assert.Equal(S(4), lease.RenewAt);
        Advance(3.9, Up(0.5));
        Assert.Empty(_renew);
        Advance(4, Up(0.5));
        Assert.Equal([lease], _renew);
    }

    [Fact]
    public void LeasesAreRenewedInDueOrder_WhateverTheirTtls()
    {
        var a = Add(1, 0, Up());
        var b = Add(2, 0, Up());
        var c = Add(3, 0, Up());
        Advance(0, Up());
        a.Renewed(S(30), S(0)); // next at 10
        b.Renewed(S(6), S(0));  // next at 2
        c.Renewed(S(15), S(0)); // next at 5
        foreach (var lease in new[] { a, b, c })
        {
            _schedule.Schedule(lease, Up());
        }

        var order = new List<long>();
        for (var t = 0.0; t <= 10; t += 0.5)
        {
            Advance(t, Up(t));
            order.AddRange(_renew.Select(l => l.Id));
            foreach (var lease in _renew)
            {
                lease.Renewed(lease.Ttl, S(t));
                _schedule.Schedule(lease, Up(t));
            }
        }

        Assert.Equal([2, 2, 3, 2, 2, 3, 2, 1], order); // b every 2 s, c every 5 s, a at 10 s
    }

    [Fact]
    public void AnUnansweredRenewal_MakesTheStreamStuck_AfterMinOfATtlThirdAndFiveSeconds()
    {
        var lease = Add(1, 0, Up());
        Advance(0, Up());
        lease.Renewed(S(6), S(0));
        _schedule.Schedule(lease, Up());
        Advance(2, Up()); // renewal sent at 2
        Assert.Equal([lease], _renew);
        Assert.Equal(TimeSpan.FromSeconds(2), lease.ResponseTimeout);

        Assert.False(Advance(3.9, Up()));
        Assert.True(Advance(4, Up()));
        Assert.Empty(_expired);
    }

    [Fact]
    public void TheResponseTimeout_IsAtMostFiveSeconds()
    {
        var lease = new KeptAliveLease(1, S(0), FirstTimeout);
        Assert.Equal(S(2), lease.ResponseTimeout); // a third of the first-response timeout while the TTL is unknown
        lease.Renewed(S(60), S(0));
        Assert.Equal(S(5), lease.ResponseTimeout);
    }

    [Fact]
    public void ARenewalQueuedBehindOthers_IsNotStuck_WhileTheStreamKeepsAnswering()
    {
        var lease = Add(1, 0, Up());
        Advance(0, Up());
        lease.Renewed(S(6), S(0));
        _schedule.Schedule(lease, Up());
        Advance(2, Up()); // sent at 2, times out at 4 without progress

        Assert.False(Advance(4, Up(3.5))); // other renewals were answered at 3.5: wait until 5.5
        Assert.False(Advance(5.4, Up(3.5)));
        Assert.True(Advance(5.5, Up(3.5)));
    }

    [Fact]
    public void TheDeadline_FiresEvenWhileARenewalIsInFlight()
    {
        var lease = Add(1, 0, Up());
        Advance(0, Up());
        lease.Renewed(S(3), S(0)); // expires at 3, renewed at 1
        _schedule.Schedule(lease, Up());
        Advance(1, Up());
        Assert.True(lease.InFlight);

        for (var t = 1.0; t < 3; t += 0.25)
        {
            Advance(t, Up(t)); // answers to others keep the stream from counting as stuck
            Assert.Empty(_expired);
        }

        Advance(3, Up(3));
        Assert.Equal([lease], _expired);
    }

    [Fact]
    public void ANewStream_RenewsEveryLeaseNow_AndStaleEntriesAreSkipped()
    {
        var a = Add(1, 0, Up());
        var b = Add(2, 0, Up());
        Advance(0, Up());
        a.Renewed(S(9), S(0));
        b.Renewed(S(9), S(0));
        _schedule.Schedule(a, Up());
        _schedule.Schedule(b, Up());

        Advance(1, Down); // the stream broke; nothing sent
        _schedule.RenewAllNow([a, b], S(1.5), Up(1.5));
        Advance(1.5, Up(1.5));
        Assert.Equal([1L, 2L], _renew.Select(l => l.Id).Order());

        for (var t = 1.5; t < 9; t += 0.5)
        {
            Advance(t, Up(t));
            Assert.Empty(_renew); // the old entries at 3 s are stale: no second renewal in flight
        }

        Assert.True(_schedule.Count <= 4);
    }

    [Fact]
    public void AnEndedLease_IsDroppedFromTheSchedule()
    {
        var lease = Add(1, 0, Up());
        lease.Ended = true;
        Advance(10, Up());
        Assert.Empty(_renew);
        Assert.Empty(_expired);
        Assert.Null(_schedule.NextAt);
    }

    [Fact]
    public void TenThousandLeases_KeepOneLiveEntryEach_AndAFewStaleOnes()
    {
        var leases = Enumerable.Range(1, 10_000).Select(i => Add(i, i * 0.0003, Up())).ToList();
        var renewed = 0;
        for (var t = 0.0; t < 60; t += 0.01)
        {
            Advance(t, Up(t));
            renewed += _renew.Count;
            foreach (var lease in _renew)
            {
                lease.Renewed(S(10), S(t + 0.005));
                _schedule.Schedule(lease, Up(t));
            }

            Assert.Empty(_expired);
        }

        Assert.InRange(renewed, 10_000 * 18, 10_000 * 19);
        Assert.True(_schedule.Count <= 2 * leases.Count, $"{_schedule.Count} entries");
    }
}
