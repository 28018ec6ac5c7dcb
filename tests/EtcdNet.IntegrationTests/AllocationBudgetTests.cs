using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Runs alone (no other collection in parallel), so the process's allocation counter sees only these calls.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection : ICollectionFixture<SingleMemberFixture>
{
    public const string Name = "allocation budget";
}

/// <summary>
/// Bytes allocated per call on the whole path (client, call loop, transport, and the reader thread that completes the
/// call), one requester, against real etcd. The budgets are stated in docs/performance.md; a test fails when a call
/// allocates more than 20% over its budget.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class AllocationBudgetTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    /// <summary>A put of a 256-byte value under a short key.</summary>
    public const int PutBudget = 2800;

    /// <summary>A linearizable get of one such key.</summary>
    public const int GetBudget = 3700;

    private const int Warmup = 500;
    private const int Calls = 2000;

    private static readonly string Value = new('a', 256);

    [Fact]
    public async Task A_put_allocates_within_its_budget()
    {
        var key = Key("put");
        AssertWithinBudget("put", PutBudget, await BytesPerCallAsync(() => Client.PutAsync(key, Value)));
    }

    [Fact]
    public async Task A_single_key_get_allocates_within_its_budget()
    {
        var key = Key("get");
        await Client.PutAsync(key, Value);
        AssertWithinBudget("get", GetBudget, await BytesPerCallAsync(() => Client.GetAsync(key)));
    }

    private void AssertWithinBudget(string call, int budget, double measured)
    {
        Output.WriteLine($"{call}: {measured:0} bytes per call (budget {budget}, limit {budget * 1.2:0})");
        Assert.True(measured <= budget * 1.2, $"a {call} allocates {measured:0} bytes, more than 20% over its budget of {budget} bytes");
    }

    private static async Task<double> BytesPerCallAsync<T>(Func<Task<T>> call)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await call(); // connection, pools and JIT tiers settle
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Calls; i++)
        {
            await call();
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)Calls;
    }
}
