using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>Command names as etcdctl takes them: shortened to a unique prefix, and the version command.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class CommandNameTests(CliCluster cluster)
{
    [Theory]
    [InlineData("mem", "li")]
    [InlineData("endpoint", "he")]
    [InlineData("al", "list")]
    public async Task AUniquePrefix_RunsTheCommandItNames_AsInEtcdctl(params string[] args)
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", "json", .. args]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, ["-w", "json", .. args]);
        Assert.Equal(0, expected.ExitCode);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stdout.Length > 0, actual.Stdout.Length > 0);
    }

    [Fact]
    public async Task Compact_IsCompaction()
    {
        // Its argument errors are compaction's (a real compaction would cut the history other tests read).
        await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["compact"]);
        await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["compact", "x"]);
    }

    [Fact]
    public async Task AnAmbiguousPrefix_IsAnError_NamingIt()
    {
        // "user g" could be get or grant-role. (etcdctl prints the group's help and exits 0.)
        var actual = await CliRun.RunAsync(cluster.Endpoint, "user", "g", "root");
        Assert.Equal(1, actual.ExitCode);
        Assert.Equal("Error: Unrecognized command or argument 'g'.\n", actual.Stderr);
    }

    [Fact]
    public async Task Version_NamesTheEtcdctlReleaseItFollows()
    {
        var etcdctl = await EtcdctlRun.RunAsync(cluster.Endpoint, ["version"]);
        var release = etcdctl.Stdout.Split('\n')[0].Split(' ')[^1];

        var actual = await CliRun.RunAsync(cluster.Endpoint, "version");

        Assert.Equal(0, actual.ExitCode);
        Assert.Matches($"^etcdnet version: \\S+\netcdctl compatibility: {System.Text.RegularExpressions.Regex.Escape(release)}\nAPI version: 3\\.4\n$", actual.Stdout);
    }
}
