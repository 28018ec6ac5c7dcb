using EtcdNet.RobustnessTests.Workload;

namespace EtcdNet.RobustnessTests;

/// <summary>
/// The short profile: five seeded 20-second schedules that together inject every fault kind (the last on a cluster
/// with auth), against the real client. Every checker must find nothing. (Longer runs: scripts/robustness.sh.)
/// </summary>
public sealed class ScheduleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, false, "KillLeader,KillFollower,PauseLeader,PauseFollower")]
    [InlineData(2, false, "BlackHole,BlackHoleToClient,Refuse,Reset")]
    [InlineData(3, false, "CutMidFrame,Latency,PartitionLeader,PartitionFollower")]
    [InlineData(4, false, "MoveLeader,Compact,Defragment,KillLeader,PartitionLeader")]
    [InlineData(5, true, "ExpireTokens,PauseLeader,BlackHole,Compact,PartitionFollower")]
    public async Task ASeededSchedule_LeavesNoAnomaly(int seed, bool auth, string faults)
    {
        var kinds = faults.Split(',').Select(Enum.Parse<FaultKind>).ToArray();
        var report = await RobustnessRun.RunAsync(new RunOptions { Seed = seed, Auth = auth, Faults = kinds }, output.WriteLine);
        output.WriteLine(report.Summary());
        Assert.Equal(kinds.ToHashSet(), report.History.Faults.Select(f => f.Kind).ToHashSet()); // each kind injected
        Assert.True(report.Anomalies.Count == 0, report.Summary());
    }

    /// <summary>A long run when ROBUSTNESS_MINUTES is set (scripts/robustness.sh); otherwise a 15 s run with seed 6.</summary>
    [Fact]
    public async Task ALongRun_FromTheEnvironment_LeavesNoAnomaly()
    {
        var minutes = double.TryParse(Environment.GetEnvironmentVariable("ROBUSTNESS_MINUTES"), System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 0.25;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ROBUSTNESS_SEED"), out var s) ? s : 6;
        var auth = Environment.GetEnvironmentVariable("ROBUSTNESS_AUTH") == "1";
        var options = new RunOptions { Seed = seed, Duration = TimeSpan.FromMinutes(minutes), Auth = auth };
        if (Environment.GetEnvironmentVariable("ROBUSTNESS_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            options = options with { ArtifactsDirectory = artifacts };
        }

        var report = await RobustnessRun.RunAsync(options, output.WriteLine);
        var summary = report.Summary();
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("ROBUSTNESS_SUMMARY") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, summary);
        }

        Assert.True(report.Anomalies.Count == 0, summary);
    }
}
