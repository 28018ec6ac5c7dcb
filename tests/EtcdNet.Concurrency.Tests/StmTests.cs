using System.Diagnostics;
using System.Globalization;

namespace EtcdNet.Concurrency.Tests;

/// <summary>STM on a real etcd: retries on conflict, the attempt limit, prefetch, and lost updates under ReadCommitted.</summary>
public sealed class StmTests(StmClusterFixture fixture, ITestOutputHelper output) : IClassFixture<StmClusterFixture>
{
    private static string Prefix() => $"stm/{Guid.NewGuid():N}/";

    [Theory]
    [InlineData(StmIsolation.SerializableSnapshot)]
    [InlineData(StmIsolation.Serializable)]
    [InlineData(StmIsolation.RepeatableReads)]
    public async Task Apply_reruns_when_a_read_key_changes_before_commit(StmIsolation isolation)
    {
        await using var client = fixture.CreateClient();
        var key = Prefix() + "counter";
        await client.PutAsync(key, "1");
        var invocations = 0;

        await Stm.RunAsync(client, async (stm, ct) =>
        {
            invocations++;
            var value = int.Parse((await stm.GetAsync(key, ct))!, CultureInfo.InvariantCulture);
            if (invocations == 1)
            {
                await client.PutAsync(key, "10", cancellationToken: ct); // a concurrent writer
            }

            stm.Put(key, (value + 1).ToString(CultureInfo.InvariantCulture));
        }, isolation);

        Assert.Equal(2, invocations);
        Assert.Equal("11", (await client.GetAsync(key)).Kvs[0].ValueString);
    }

    [Fact]
    public async Task SerializableSnapshot_reruns_when_a_blindly_written_key_changed_after_the_snapshot()
    {
        await using var client = fixture.CreateClient();
        var prefix = Prefix();
        await client.PutAsync(prefix + "read", "r");
        var invocations = 0;

        await Stm.RunAsync(client, async (stm, ct) =>
        {
            invocations++;
            await stm.GetAsync(prefix + "read", ct);
            if (invocations == 1)
            {
                await client.PutAsync(prefix + "blind", "other", cancellationToken: ct);
            }

            stm.Put(prefix + "blind", "mine");
        });

        Assert.Equal(2, invocations);
        Assert.Equal("mine", (await client.GetAsync(prefix + "blind")).Kvs[0].ValueString);
    }

    [Fact]
    public async Task ReadCommitted_never_reruns_and_loses_the_concurrent_update()
    {
        await using var client = fixture.CreateClient();
        var key = Prefix() + "counter";
        await client.PutAsync(key, "1");
        var invocations = 0;

        await Stm.RunAsync(client, async (stm, ct) =>
        {
            invocations++;
            var value = int.Parse((await stm.GetAsync(key, ct))!, CultureInfo.InvariantCulture);
            await client.PutAsync(key, "10", cancellationToken: ct);
            stm.Put(key, (value + 1).ToString(CultureInfo.InvariantCulture));
        }, StmIsolation.ReadCommitted);

        Assert.Equal(1, invocations);
        Assert.Equal("2", (await client.GetAsync(key)).Kvs[0].ValueString); // the write of "10" was lost
    }

    [Fact]
    public async Task Gives_up_with_StmConflictException_after_MaxAttempts()
    {
        await using var client = fixture.CreateClient();
        var key = Prefix() + "hot";
        var invocations = 0;

        var error = await Assert.ThrowsAsync<StmConflictException>(() => Stm.RunAsync(client, async (stm, ct) =>
        {
            invocations++;
            await stm.GetAsync(key, ct);
            await client.PutAsync(key, invocations.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
            stm.Put(key, "never");
        }, options: new StmOptions { MaxAttempts = 3 }));

        Assert.Equal(3, invocations);
        Assert.Equal(3, error.Attempts);
        Assert.Equal("3", (await client.GetAsync(key)).Kvs[0].ValueString);
    }

    [Fact]
    public async Task Reads_see_own_writes_and_revisions_and_deletes_commit()
    {
        await using var client = fixture.CreateClient();
        var prefix = Prefix();
        var put = await client.PutAsync(prefix + "a", "1");
        await client.PutAsync(prefix + "b", "2");

        var response = await Stm.RunAsync(client, async (stm, ct) =>
        {
            Assert.Equal("1", await stm.GetAsync(prefix + "a", ct));
            Assert.Equal(put.Header.Revision, stm.Revision(prefix + "a"));
            Assert.Equal(0, await stm.RevisionAsync(prefix + "absent", ct));
            Assert.Null(await stm.GetAsync(prefix + "absent", ct));
            Assert.Throws<InvalidOperationException>(() => stm.Revision(prefix + "unread"));
            stm.Put(prefix + "a", "3");
            stm.Delete(prefix + "b");
            Assert.Equal("3", await stm.GetAsync(prefix + "a", ct));
            Assert.Null(await stm.GetBytesAsync(prefix + "b", ct));
        });

        Assert.True(response.Succeeded);
        Assert.Equal("3", (await client.GetAsync(prefix + "a")).Kvs[0].ValueString);
        Assert.Empty((await client.GetAsync(prefix + "b")).Kvs);
    }

    [Fact]
    public async Task Apply_exception_aborts_without_writing()
    {
        await using var client = fixture.CreateClient();
        var key = Prefix() + "k";

        await Assert.ThrowsAsync<FormatException>(() => Stm.RunAsync(client, (stm, _) =>
        {
            stm.Put(key, "v");
            throw new FormatException("boom");
        }));

        Assert.Empty((await client.GetAsync(key)).Kvs);
    }

    [Theory]
    [InlineData(StmIsolation.SerializableSnapshot)]
    [InlineData(StmIsolation.Serializable)]
    [InlineData(StmIsolation.RepeatableReads)]
    [InlineData(StmIsolation.ReadCommitted)]
    public async Task Prefetched_keys_are_read_up_front_and_checked(StmIsolation isolation)
    {
        await using var client = fixture.CreateClient();
        var prefix = Prefix();
        await client.PutAsync(prefix + "x", "1");
        await client.PutAsync(prefix + "y", "2");
        var invocations = 0;
        var options = new StmOptions { Prefetch = [prefix + "x", prefix + "y", prefix + "z"] };

        await Stm.RunAsync(client, async (stm, ct) =>
        {
            invocations++;
            Assert.Equal(3, ((StmTransaction)stm).Reads.Count); // read before apply runs
            if (invocations == 1)
            {
                await client.PutAsync(prefix + "y", "20", cancellationToken: ct);
            }

            stm.Put(prefix + "sum", (int.Parse((await stm.GetAsync(prefix + "x", ct))!, CultureInfo.InvariantCulture)
                + int.Parse((await stm.GetAsync(prefix + "y", ct))!, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
            Assert.Null(await stm.GetAsync(prefix + "z", ct));
        }, isolation, options);

        var conflictDetected = isolation != StmIsolation.ReadCommitted;
        Assert.Equal(conflictDetected ? 2 : 1, invocations);
        Assert.Equal(conflictDetected ? "21" : "3", (await client.GetAsync(prefix + "sum")).Kvs[0].ValueString);
        output.WriteLine($"{isolation}: {invocations} invocation(s)");
    }

    [Theory]
    [InlineData(StmIsolation.SerializableSnapshot)]
    [InlineData(StmIsolation.Serializable)]
    [InlineData(StmIsolation.RepeatableReads)]
    public async Task Concurrent_random_transfers_keep_the_total(StmIsolation isolation)
    {
        const int Accounts = 10, Workers = 8, TransfersPerWorker = 200, Initial = 100;
        await using var client = fixture.CreateClient();
        var prefix = Prefix();
        string Account(int i) => prefix + "acct/" + i.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < Accounts; i++)
        {
            await client.PutAsync(Account(i), Initial.ToString(CultureInfo.InvariantCulture));
        }

        var attempts = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + (int)isolation);
            for (var t = 0; t < TransfersPerWorker; t++)
            {
                var from = random.Next(Accounts);
                var to = (from + 1 + random.Next(Accounts - 1)) % Accounts;
                var amount = random.Next(1, 20);
                await Stm.RunAsync(client, async (stm, ct) =>
                {
                    Interlocked.Increment(ref attempts);
                    var fromBalance = int.Parse((await stm.GetAsync(Account(from), ct))!, CultureInfo.InvariantCulture);
                    var toBalance = int.Parse((await stm.GetAsync(Account(to), ct))!, CultureInfo.InvariantCulture);
                    var moved = Math.Min(amount, fromBalance);
                    stm.Put(Account(from), (fromBalance - moved).ToString(CultureInfo.InvariantCulture));
                    stm.Put(Account(to), (toBalance + moved).ToString(CultureInfo.InvariantCulture));
                }, isolation);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        watch.Stop();

        var all = await client.GetAsync(prefix + "acct/", new GetOptions { Prefix = true });
        Assert.Equal(Accounts, all.Kvs.Count);
        Assert.Equal(Accounts * Initial, all.Kvs.Sum(kv => int.Parse(kv.ValueString, CultureInfo.InvariantCulture)));
        Assert.All(all.Kvs, kv => Assert.True(int.Parse(kv.ValueString, CultureInfo.InvariantCulture) >= 0));
        output.WriteLine($"{isolation}: {Workers}x{TransfersPerWorker} transfers, {attempts} apply runs, {watch.Elapsed.TotalSeconds:F1} s");
    }
}
