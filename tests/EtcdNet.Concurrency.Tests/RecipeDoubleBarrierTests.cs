using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace EtcdNet.Concurrency.Tests;

/// <summary><see cref="EtcdDoubleBarrier"/> on a real one-member cluster.</summary>
public sealed class RecipeDoubleBarrierTests(ITestOutputHelper output) : RecipeTestCluster(output)
{
    [Fact]
    public async Task FiveParticipants_EnterTogether_AndLeaveTogether()
    {
        const int Participants = 5;
        var key = UniqueName("double-barrier");
        var clients = Enumerable.Range(0, Participants).Select(_ => CreateClient()).ToList();
        var sessions = new List<EtcdSession>();
        try
        {
            foreach (var client in clients)
            {
                sessions.Add(await EtcdSession.CreateAsync(client));
            }

            var entering = new StrongBox<int>();
            var leaving = new StrongBox<int>();
            var enterSeen = new int[Participants];
            var leaveSeen = new int[Participants];
            var clock = Stopwatch.StartNew();
            var barriers = sessions.Select(s => new EtcdDoubleBarrier(s, key, Participants)).ToList();

            // The first four enter one by one; none may pass before the fifth.
            var enters = await AllButTheLastAsync(barriers, b => b.EnterAsync(), entering, enterSeen, "A participant passed the barrier before all had entered.");
            var enteredAt = clock.Elapsed;
            await LastAsync(barriers, b => b.EnterAsync(), entering, enterSeen);
            await Within(Task.WhenAll(enters), 20);
            Output.WriteLine($"{Participants} participants through Enter {(clock.Elapsed - enteredAt).TotalMilliseconds:F0} ms after the last entered.");
            Assert.All(enterSeen, seen => Assert.Equal(Participants, seen));
            Assert.Single((await clients[0].GetAsync(key + "/ready")).Kvs);

            // The first four leave one by one; none may return before the fifth calls Leave.
            var leaves = await AllButTheLastAsync(barriers, b => b.LeaveAsync(), leaving, leaveSeen, "A participant left before all had called Leave.");
            var leftAt = clock.Elapsed;
            await LastAsync(barriers, b => b.LeaveAsync(), leaving, leaveSeen);
            await Within(Task.WhenAll(leaves), 20);
            Output.WriteLine($"{Participants} participants through Leave {(clock.Elapsed - leftAt).TotalMilliseconds:F0} ms after the last called it.");
            Assert.All(leaveSeen, seen => Assert.Equal(Participants, seen));
            Assert.Empty((await clients[0].GetAsync(key + "/", new GetOptions { Prefix = true })).Kvs);

            // The barrier is reusable: a second round with all five at once.
            var round = sessions.Select(s => new EtcdDoubleBarrier(s, key, Participants)).ToList();
            await Within(Task.WhenAll(round.Select(b => Task.Run(() => b.EnterAsync()))), 20);
            await Within(Task.WhenAll(round.Select(b => Task.Run(() => b.LeaveAsync()))), 20);
            Assert.Empty((await clients[0].GetAsync(key + "/", new GetOptions { Prefix = true })).Kvs);
        }
        finally
        {
            await DisposeAllAsync(sessions, clients);
        }
    }

    /// <summary>
    /// Starts <paramref name="step"/> for every barrier but the last, one by one, each recording how many had started
    /// when it returned; then checks that none has returned yet.
    /// </summary>
    private static async Task<List<Task>> AllButTheLastAsync(List<EtcdDoubleBarrier> barriers, Func<EtcdDoubleBarrier, Task> step, StrongBox<int> started, int[] seen, string early)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < barriers.Count - 1; i++)
        {
            var index = i;
            Interlocked.Increment(ref started.Value);
            tasks.Add(Task.Run(async () =>
            {
                await step(barriers[index]);
                seen[index] = Volatile.Read(ref started.Value);
            }));
            await Task.Delay(100);
        }

        await Task.Delay(500);
        Assert.All(tasks, task => Assert.False(task.IsCompleted, early));
        return tasks;
    }

    /// <summary>Runs <paramref name="step"/> for the last barrier, which lets everyone through.</summary>
    private static async Task LastAsync(List<EtcdDoubleBarrier> barriers, Func<EtcdDoubleBarrier, Task> step, StrongBox<int> started, int[] seen)
    {
        Interlocked.Increment(ref started.Value);
        await Within(step(barriers[^1]), 20);
        seen[^1] = Volatile.Read(ref started.Value);
    }

    [Fact]
    public async Task Enter_FailsWhenTheBarrierIsFull_AndCancellingEnterRemovesTheKey()
    {
        var key = UniqueName("double-barrier");
        await using var client = CreateClient();
        await using var session = await EtcdSession.CreateAsync(client);

        await Within(new EtcdDoubleBarrier(session, key, 1).EnterAsync(), 10);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new EtcdDoubleBarrier(session, key, 1).EnterAsync());
        Assert.Single((await client.GetAsync(key + "/waiters/", new GetOptions { Prefix = true })).Kvs);

        var other = UniqueName("double-barrier");
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EtcdDoubleBarrier(session, other, 2).EnterAsync(cts.Token));
        }

        Assert.Empty((await client.GetAsync(other + "/", new GetOptions { Prefix = true })).Kvs);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new EtcdDoubleBarrier(session, other, 2).LeaveAsync());
    }
}
