using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class MaintenanceTests(CliCluster cluster)
{
    /// <summary>Asserts that etcdnet fails as etcdctl does: same exit code, same stdout, and etcdctl's "Error:" line as its only stderr line.</summary>
    internal static async Task AssertSameErrorAsync(string endpoint, string[] args)
    {
        var expected = await EtcdctlRun.RunAsync(endpoint, args);
        var actual = await CliRun.RunAsync(endpoint, args);
        var context = $"etcdnet {string.Join(' ', args)}\netcdctl: {expected}\netcdnet: {actual}";
        Assert.True(expected.ExitCode != 0, context);
        Assert.True(expected.ExitCode == actual.ExitCode, context);
        Assert.True(expected.Stdout == actual.Stdout, context);
        var errorLine = expected.Stderr.Split('\n').Last(l => l.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.True(errorLine + "\n" == actual.Stderr, context);
    }

    [Fact]
    public async Task Defrag_PrintsEachEndpoint_AsEtcdctl()
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["defrag"]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, "defrag");
        Golden.AssertSame(expected, actual);
        Assert.Equal($"Finished defragmenting etcd member[{cluster.Endpoint}]\n", actual.Stdout);

        expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["defrag", "--cluster"]);
        actual = await CliRun.RunAsync(cluster.Endpoint, "defrag", "--cluster");
        Golden.AssertSame(expected, actual);
    }

    [Fact]
    public async Task AlarmList_And_Disarm_WithNoAlarm_MatchEtcdctl()
    {
        foreach (var format in new[] { "simple", "json" })
        {
            foreach (var command in new[] { "list", "disarm" })
            {
                var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "alarm", command]);
                var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "alarm", command);
                Golden.AssertSame(expected, actual);
            }
        }

        Assert.Equal(string.Empty, (await CliRun.RunAsync(cluster.Endpoint, "alarm", "list")).Stdout);
        Assert.Equal("{}\n", (await CliRun.RunAsync(cluster.Endpoint, "-w", "json", "alarm", "list")).Stdout);
        await AssertSameErrorAsync(cluster.Endpoint, ["alarm", "list", "extra"]);
        await AssertSameErrorAsync(cluster.Endpoint, ["-w", "table", "alarm", "list"]);
    }

    [Fact]
    public async Task SnapshotSave_WritesAFile_EtcdctlSnapshotStatusAccepts()
    {
        var directory = Directory.CreateTempSubdirectory("etcdnet-cli-snapshot-");
        try
        {
            var path = Path.Combine(directory.FullName, "backup.db");
            var result = await CliRun.RunAsync(cluster.Endpoint, "snapshot", "save", path);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal($"Snapshot saved at {path}\n", result.Stdout);
            Assert.False(File.Exists(path + ".part"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            var status = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", "json", "snapshot", "status", path]);
            Assert.True(status.ExitCode == 0, status.ToString());
            Assert.Matches("^\\{\"hash\":[0-9]+,\"revision\":[0-9]+,\"totalKey\":[0-9]+,\"totalSize\":[1-9][0-9]*\\}\n$", status.Stdout);

            await AssertSameErrorAsync(cluster.Endpoint, ["snapshot", "save", Path.Combine(directory.FullName, "missing", "backup.db")]);
            await AssertSameErrorAsync(cluster.Endpoint, ["snapshot", "save"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task MoveLeader_ToTheLeaderItself_AndBadIds_MatchEtcdctl()
    {
        var id = (await CliRun.RunAsync(cluster.Endpoint, "member", "list")).Stdout.Split(',')[0];
        foreach (var format in new[] { "simple", "json" })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "move-leader", id]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "move-leader", id);
            Golden.AssertSame(expected, actual);
        }

        Assert.Equal($"Leadership transferred from {id} to {id}\n", (await CliRun.RunAsync(cluster.Endpoint, "move-leader", id)).Stdout);
        await AssertSameErrorAsync(cluster.Endpoint, ["move-leader", "xyz"]);
        await AssertSameErrorAsync(cluster.Endpoint, ["move-leader"]);
    }
}
