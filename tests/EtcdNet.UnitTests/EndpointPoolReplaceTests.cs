using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class EndpointPoolReplaceTests
{
    private static GrpcEndpoint Ep(string host) => GrpcEndpoint.Parse($"http://{host}:2379");

    private static EndpointPool Pool(params string[] hosts) => new(hosts.Select(Ep));

    private static string[] Hosts(EndpointPool pool) => pool.Endpoints.Select(e => e.BaseUri.Host).ToArray();

    private static int IndexOf(EndpointPool pool, string host)
    {
        for (var i = 0; i < 200; i++)
        {
            var (endpoint, index) = pool.Pick();
            if (endpoint.BaseUri.Host == host)
            {
                return index;
            }
        }

        throw new InvalidOperationException($"{host} is never picked");
    }

    private static void SetAsideLong(EndpointPool pool, int index)
    {
        for (var i = 0; i < 6; i++)
        {
            pool.ReportFailure(index);
        }
    }

    [Fact]
    public void Replace_switches_round_robin_to_the_new_set()
    {
        var pool = Pool("a", "b", "c");
        Assert.True(pool.Replace([Ep("d"), Ep("e")]));

        Assert.Equal(["d", "e"], Hosts(pool));
        Assert.Equal(2, pool.Count);
        var picked = Enumerable.Range(0, 10).Select(_ => pool.Pick().Endpoint.BaseUri.Host).ToArray();
        Assert.All(picked, h => Assert.True(h is "d" or "e", h));
        Assert.Contains("d", picked);
        Assert.Contains("e", picked);
    }

    [Fact]
    public void An_endpoint_that_stays_keeps_its_slot_its_health_and_its_object()
    {
        var pool = Pool("a", "b", "c");
        var b = pool.Endpoints.ElementAt(1);
        SetAsideLong(pool, 1);

        pool.Replace([Ep("x"), GrpcEndpoint.Parse("b:2379"), Ep("y")]);

        Assert.Same(b, pool.Endpoints.ElementAt(1));
        Assert.NotEqual(1, IndexOf(pool, "x")); // the new endpoints did not take b's slot
        Assert.NotEqual(1, IndexOf(pool, "y"));
        Assert.True(pool.IsSetAside(1));
        Assert.DoesNotContain(1, Enumerable.Range(0, 12).Select(_ => pool.Pick().Index));
        Assert.Same(b, pool.Find(Ep("b")));
    }

    [Fact]
    public void New_endpoints_take_slots_that_were_never_used_before_freshly_freed_ones()
    {
        var pool = Pool("a", "b", "c"); // slots 0, 1, 2
        pool.Replace([Ep("a"), Ep("d")]); // b and c leave slots 1 and 2; d takes slot 3

        Assert.Equal(0, IndexOf(pool, "a"));
        Assert.Equal(3, IndexOf(pool, "d"));
        Assert.Equal(0b1001UL, pool.AllMask);
        Assert.Equal(2, pool.Count);
    }

    [Fact]
    public void AllMask_covers_exactly_the_current_slots()
    {
        var pool = Pool("a", "b");
        pool.Replace([Ep("b"), Ep("c"), Ep("d")]);
        var indices = pool.Endpoints.Select(e => IndexOf(pool, e.BaseUri.Host)).ToArray();
        Assert.Equal(indices.Aggregate(0UL, (m, i) => m | (1UL << i)), pool.AllMask);
        Assert.Equal(3, indices.Distinct().Count());
    }

    [Fact]
    public void Reports_for_a_removed_slot_are_ignored()
    {
        var pool = Pool("a", "b");
        pool.Replace([Ep("a")]);

        pool.ReportFailure(1);
        pool.ReportSuccess(1);
        pool.ReportFailure(63);
        Assert.False(pool.IsSetAside(1));
        Assert.False(pool.IsSetAside(-1));
        Assert.Equal([0, 0, 0], Enumerable.Range(0, 3).Select(_ => pool.Pick().Index));
    }

    [Fact]
    public void A_mask_from_before_a_replacement_still_gives_a_valid_pick()
    {
        var pool = Pool("a", "b", "c");
        var tried = pool.AllMask; // a call in flight has tried everything
        pool.Replace([Ep("c"), Ep("d")]);

        var (endpoint, index) = pool.Pick(tried);
        Assert.Equal("d", endpoint.BaseUri.Host); // the new endpoint is not avoided
        Assert.Equal(3, index);
        Assert.NotEqual(tried, pool.AllMask);
    }

    [Fact]
    public void Replacing_with_the_same_set_changes_nothing()
    {
        var pool = Pool("a", "b");
        var before = pool.Endpoints.ToArray();
        Assert.False(pool.Replace([Ep("a"), GrpcEndpoint.Parse("b:2379")]));
        Assert.Equal(0, pool.Version);
        Assert.Equal(before, pool.Endpoints);

        Assert.True(pool.Replace([Ep("b"), Ep("a")])); // same endpoints, new order
        Assert.Equal(["b", "a"], Hosts(pool));
        Assert.Equal(1, pool.Version);
    }

    [Fact]
    public void Duplicates_are_dropped()
    {
        var pool = Pool("a");
        pool.Replace([Ep("b"), GrpcEndpoint.Parse("b:2379"), Ep("c"), Ep("b")]);
        Assert.Equal(["b", "c"], Hosts(pool));
    }

    [Fact]
    public void Replace_rejects_an_empty_set_and_more_than_64()
    {
        var pool = Pool("a");
        Assert.Throws<ArgumentException>(() => pool.Replace([]));
        Assert.Throws<ArgumentException>(() => pool.Replace(Enumerable.Range(0, 65).Select(i => Ep($"h{i}"))));
        Assert.Equal(["a"], Hosts(pool));
    }

    [Fact]
    public void Sixty_four_new_endpoints_reuse_every_slot()
    {
        var pool = new EndpointPool(Enumerable.Range(0, 64).Select(i => Ep($"old{i}")));
        pool.Replace(Enumerable.Range(0, 64).Select(i => Ep($"new{i}")));

        Assert.Equal(ulong.MaxValue, pool.AllMask);
        Assert.Equal(Enumerable.Range(0, 64), Enumerable.Range(0, 64).Select(_ => pool.Pick().Index).Order());
        Assert.All(pool.Endpoints, e => Assert.StartsWith("new", e.BaseUri.Host, StringComparison.Ordinal));
    }

    [Fact]
    public void Find_matches_scheme_host_and_port()
    {
        var pool = Pool("a");
        Assert.Same(pool.Endpoints.Single(), pool.Find(GrpcEndpoint.Parse("a:2379")));
        Assert.Null(pool.Find(GrpcEndpoint.Parse("https://a:2379")));
        Assert.Null(pool.Find(GrpcEndpoint.Parse("http://a:2380")));
    }

    [Fact]
    public async Task Concurrent_picks_and_reports_survive_replacements()
    {
        var pool = Pool("a", "b", "c");
        string[][] sets = [["a", "b", "c"], ["c", "d"], ["e"], ["a", "e", "f", "g"], ["b"]];
        var allowed = sets.SelectMany(s => s).ToHashSet();
        var replacements = 0;

        void Worker(int w)
        {
            var tried = 0UL;
            for (var i = 0; i < 50_000; i++)
            {
                var (endpoint, index) = pool.Pick(tried);
                Assert.Contains(endpoint.BaseUri.Host, allowed);
                Assert.InRange(index, 0, 63);
                if ((index + w) % 3 == 0)
                {
                    pool.ReportFailure(index);
                }
                else
                {
                    pool.ReportSuccess(index);
                }

                _ = pool.IsSetAside(index);
                tried = (tried | (1UL << index)) == pool.AllMask ? 0 : tried | (1UL << index);
            }
        }

        var workers = Enumerable.Range(0, 3).Select(w => Task.Factory.StartNew(() => Worker(w), TaskCreationOptions.LongRunning)).ToArray();
        var replacer = Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; !workers.All(t => t.IsCompleted); i++)
                {
                    pool.Replace(sets[i % sets.Length].Select(Ep));
                    replacements++;
                }
            },
            TaskCreationOptions.LongRunning);

        await Task.WhenAll([.. workers, replacer]);
        Assert.True(replacements > 10, $"only {replacements} replacements");
        Assert.InRange(pool.Count, 1, 4);
    }
}
