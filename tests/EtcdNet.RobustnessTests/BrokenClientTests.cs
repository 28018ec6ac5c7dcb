using EtcdNet.RobustnessTests.Checking;
using EtcdNet.RobustnessTests.Workload;
using EtcdNet.Testing;

namespace EtcdNet.RobustnessTests;

/// <summary>The checkers against a client that breaks its guarantees on purpose, on a real cluster: each must be caught.</summary>
public sealed class BrokenClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StaleSerializableReads_PassedOffAsLinearizable_AreCaught()
    {
        await using var cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { Members = 3, FaultProxies = true });
        var leader = await cluster.GetLeaderAsync();
        var follower = cluster.Members.First(m => m != leader);
        await using var writer = new EtcdClient(new EtcdClientOptions { Endpoints = [leader.ClientUrl] });
        await using var reader = new EtcdClient(new EtcdClientOptions { Endpoints = [follower.ClientUrl] });
        var history = new History();
        await RecordPutAsync(writer, history, "k", "v0");
        await WaitUntilSeenAsync(reader, "k", "v0");
        cluster.Partition(follower);

        for (var i = 1; i <= 10; i++)
        {
            await RecordPutAsync(writer, history, "k", $"v{i}");
            var call = History.Now;
            var stale = await reader.GetAsync("k", new GetOptions { Serializable = true });
            history.Add(1, new GetInput("k"), call, Outcome.Ok, new KvOutput(stale.Header.Revision, Reads: [KeyState.From(stale.Kvs[0])]));
        }

        cluster.HealPartition();
        var result = Assert.Single(LinearizabilityChecker.Check(history.Operations));
        output.WriteLine(result.ToString());
        Assert.False(result.Linearizable);
        Assert.False(result.Inconclusive);
    }

    [Fact]
    public async Task AWatchThatLosesOneEvent_IsCaught()
    {
        var report = await RobustnessRun.RunAsync(
            new RunOptions { Seed = 11, Duration = TimeSpan.FromSeconds(6), Faults = [FaultKind.Latency], Broken = BrokenMode.LoseOneWatchEvent },
            output.WriteLine);
        output.WriteLine(report.Summary());
        Assert.Contains(report.Anomalies, a => a.Contains("events missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFaithfulRun_OfTheSameShape_IsClean()
    {
        var report = await RobustnessRun.RunAsync(new RunOptions { Seed = 11, Duration = TimeSpan.FromSeconds(6), Faults = [FaultKind.Latency] }, output.WriteLine);
        output.WriteLine(report.Summary());
        Assert.True(report.Anomalies.Count == 0, report.Summary());
    }

    private static async Task RecordPutAsync(EtcdClient client, History history, string key, string value)
    {
        var call = History.Now;
        var put = await client.PutAsync(key, value);
        history.Add(0, new PutInput(key, value), call, Outcome.Ok, new KvOutput(put.Header.Revision));
    }

    private static async Task WaitUntilSeenAsync(EtcdClient reader, string key, string value)
    {
        while ((await reader.GetAsync(key, new GetOptions { Serializable = true })).Kvs is not [{ ValueString: var seen }] || seen != value)
        {
            await Task.Delay(20);
        }
    }
}
