using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class EndpointPoolTests
{
    private static EndpointPool Pool(int count)
        => new(Enumerable.Range(0, count).Select(i => GrpcEndpoint.Parse($"http://host{i}:2379")));

    private static int[] Picks(EndpointPool pool, int count, ulong avoid = 0)
        => Enumerable.Range(0, count).Select(_ => pool.Pick(avoid).Index).ToArray();

    /// <summary>Sets an endpoint aside for at least 4 s (the 6th consecutive failure backs off 8 s, jittered to [4 s, 8 s]).</summary>
    private static void SetAsideLong(EndpointPool pool, int index)
    {
        for (var i = 0; i < 6; i++)
        {
            pool.ReportFailure(index);
        }
    }

    [Fact]
    public void Pick_goes_round_robin_over_healthy_endpoints()
    {
        var pool = Pool(3);
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 2, 0 }, Picks(pool, 7));
    }

    [Fact]
    public void Pick_returns_the_endpoint_with_its_index()
    {
        var pool = Pool(3);
        var endpoints = pool.Endpoints.ToArray();
        for (var i = 0; i < 6; i++)
        {
            var (endpoint, index) = pool.Pick();
            Assert.Same(endpoints[index], endpoint);
            Assert.Equal($"http://host{index}:2379", endpoint.Address);
        }
    }

    [Fact]
    public void A_single_endpoint_is_always_picked()
    {
        var pool = Pool(1);
        Assert.Equal(new[] { 0, 0, 0 }, Picks(pool, 3));
        SetAsideLong(pool, 0);
        Assert.Equal(new[] { 0, 0, 0 }, Picks(pool, 3));
        Assert.Equal(new[] { 0, 0 }, Picks(pool, 2, avoid: 1));
    }

    [Fact]
    public void A_failed_endpoint_is_skipped_while_set_aside()
    {
        var pool = Pool(3);
        Assert.False(pool.IsSetAside(1));

        pool.ReportFailure(1);
        Assert.True(pool.IsSetAside(1));
        SetAsideLong(pool, 1);

        var picks = Picks(pool, 12);
        Assert.DoesNotContain(1, picks);
        Assert.Contains(0, picks);
        Assert.Contains(2, picks);
        Assert.False(pool.IsSetAside(0));
        Assert.False(pool.IsSetAside(2));
    }

    [Fact]
    public void When_every_endpoint_is_set_aside_the_one_whose_backoff_ends_first_is_picked()
    {
        var pool = Pool(3);
        SetAsideLong(pool, 0);
        pool.ReportFailure(1); // 250..500 ms
        SetAsideLong(pool, 2);

        Assert.True(pool.IsSetAside(0));
        Assert.True(pool.IsSetAside(1));
        Assert.True(pool.IsSetAside(2));
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1 }, Picks(pool, 6));
    }

    [Fact]
    public void Avoided_endpoints_are_not_picked_while_another_is_healthy()
    {
        var pool = Pool(4);
        Assert.Equal(new[] { 2, 2, 2, 2, 2 }, Picks(pool, 5, avoid: 0b1011));

        var picks = Picks(pool, 8, avoid: 0b0101);
        Assert.All(picks, p => Assert.True(p is 1 or 3, $"picked avoided endpoint {p}"));
        Assert.Contains(1, picks);
        Assert.Contains(3, picks);
    }

    [Fact]
    public void Avoid_and_set_aside_combine()
    {
        var pool = Pool(3);
        SetAsideLong(pool, 2);
        Assert.Equal(new[] { 1, 1, 1, 1 }, Picks(pool, 4, avoid: 0b001));
    }

    [Fact]
    public void A_healthy_avoided_endpoint_is_preferred_over_a_set_aside_one_that_is_not_avoided()
    {
        // A retry after "no leader" from 0 and 2 goes back to them rather than to 1, which may cost a dial timeout.
        var pool = Pool(3);
        SetAsideLong(pool, 1);
        Assert.All(Picks(pool, 6, avoid: 0b101), index => Assert.NotEqual(1, index));
    }

    [Fact]
    public void Among_avoided_endpoints_that_are_all_set_aside_the_earliest_backoff_end_wins()
    {
        var pool = Pool(3);
        SetAsideLong(pool, 0);
        SetAsideLong(pool, 1);
        pool.ReportFailure(2);
        Assert.Equal(new[] { 2, 2, 2 }, Picks(pool, 3, avoid: pool.AllMask));
    }

    [Fact]
    public void When_every_endpoint_is_avoided_and_healthy_one_is_still_picked()
    {
        var pool = Pool(3);
        var picks = Picks(pool, 6, avoid: pool.AllMask);
        Assert.All(picks, p => Assert.InRange(p, 0, 2));
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 2 }, picks);
    }

    [Fact]
    public void ReportSuccess_restores_a_set_aside_endpoint()
    {
        var pool = Pool(3);
        SetAsideLong(pool, 1);
        Assert.True(pool.IsSetAside(1));

        pool.ReportSuccess(1);

        Assert.False(pool.IsSetAside(1));
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 2 }, Picks(pool, 6));
    }

    [Fact]
    public void ReportSuccess_resets_the_failure_count()
    {
        var pool = Pool(2);
        SetAsideLong(pool, 0);
        pool.ReportSuccess(0);

        // After the reset a single failure backs off only 250..500 ms, so endpoint 0 must now win
        // against endpoint 1, which is set aside for seconds.
        pool.ReportFailure(0);
        SetAsideLong(pool, 1);
        Assert.Equal(new[] { 0, 0, 0 }, Picks(pool, 3));
    }

    [Fact]
    public void ReportSuccess_on_a_healthy_endpoint_changes_nothing()
    {
        var pool = Pool(2);
        pool.ReportSuccess(0);
        Assert.False(pool.IsSetAside(0));
        Assert.Equal(new[] { 0, 1, 0, 1 }, Picks(pool, 4));
    }

    [Fact]
    public void Constructor_rejects_zero_endpoints()
    {
        var e = Assert.Throws<ArgumentException>(() => new EndpointPool([]));
        Assert.Equal("endpoints", e.ParamName);
    }

    [Fact]
    public void Constructor_rejects_more_than_64_endpoints()
    {
        Assert.Throws<ArgumentException>(() => Pool(65));
    }

    [Theory]
    [InlineData(1, 0b1UL)]
    [InlineData(3, 0b111UL)]
    [InlineData(63, ulong.MaxValue >> 1)]
    [InlineData(64, ulong.MaxValue)]
    public void AllMask_has_one_bit_per_endpoint(int count, ulong expected)
    {
        var pool = Pool(count);
        Assert.Equal(count, pool.Count);
        Assert.Equal(expected, pool.AllMask);
    }

    [Fact]
    public void Sixty_four_endpoints_are_all_reachable()
    {
        var pool = Pool(64);
        Assert.Equal(Enumerable.Range(0, 64), Picks(pool, 64).Order());
        Assert.Equal(new[] { 63, 63 }, Picks(pool, 2, avoid: ulong.MaxValue >> 1));
    }

    [Fact]
    public void Endpoints_keeps_the_configured_order()
    {
        var pool = Pool(3);
        Assert.Equal(new[] { "http://host0:2379", "http://host1:2379", "http://host2:2379" }, pool.Endpoints.Select(e => e.Address));
    }
}
