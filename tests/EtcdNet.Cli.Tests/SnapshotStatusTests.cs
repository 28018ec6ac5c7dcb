using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>snapshot status (read from the file, no server) against etcdctl on the same files; snapshot restore's refusal.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class SnapshotStatusTests(CliCluster cluster) : IDisposable
{
    private static readonly string[] Formats = ["simple", "json", "table", "fields"];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("etcdnet-cli-snapshot-status-");

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>etcdctl's stderr without its zap log lines (JSON objects), which etcdnet does not write.</summary>
    private static string WithoutLogLines(string stderr)
        => string.Concat(stderr.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('{')).Select(line => line + "\n"));

    private static async Task AssertSameStatusAsync(string endpoint, string path)
    {
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(endpoint, ["-w", format, "snapshot", "status", path]);
            var actual = await CliRun.RunAsync(endpoint, "-w", format, "snapshot", "status", path);
            Assert.True(expected.ExitCode == 0, expected.ToString());
            Golden.AssertSame(expected, actual);
            Assert.Equal(WithoutLogLines(expected.Stderr), actual.Stderr);
        }

        // Refused after the file was read, as etcdctl does.
        await MaintenanceTests.AssertSameErrorAsync(endpoint, ["-w", "protobuf", "snapshot", "status", path]);
    }

    private async Task PutKeysAsync(string prefix)
    {
        for (var i = 0; i < 30; i++)
        {
            var put = await CliRun.RunAsync(cluster.Endpoint, "put", $"{prefix}k{i:D2}", new string((char)('a' + (i % 26)), 10 + (i * 40)));
            Assert.True(put.ExitCode == 0, put.ToString());
        }

        // Larger than a page: the value spills into overflow pages.
        var big = await CliRun.RunAsync(cluster.Endpoint, "put", $"{prefix}big", new string('z', 12_000));
        Assert.True(big.ExitCode == 0, big.ToString());
        var deleted = await CliRun.RunAsync(cluster.Endpoint, "del", $"{prefix}k0", "--prefix");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
    }

    [Fact]
    public async Task SnapshotStatus_OfAnEtcdctlSnapshot_PrintsWhatEtcdctlPrints_InEachFormat()
    {
        await PutKeysAsync($"/snapshot-status-{Guid.NewGuid():N}/");
        var path = Path.Combine(_directory.FullName, "etcdctl.db");
        var saved = await EtcdctlRun.RunAsync(cluster.Endpoint, ["snapshot", "save", path]);
        Assert.True(saved.ExitCode == 0, saved.ToString());

        await AssertSameStatusAsync(cluster.Endpoint, path);
        var simple = await CliRun.RunAsync(cluster.Endpoint, "snapshot", "status", path);
        Assert.Matches("^[0-9a-f]+, [1-9][0-9]*, [1-9][0-9]*, [0-9.]+ [kM]B\n$", simple.Stdout);
    }

    [Fact]
    public async Task SnapshotStatus_OfAnEtcdnetSnapshot_PrintsWhatEtcdctlPrints()
    {
        await PutKeysAsync($"/snapshot-status-{Guid.NewGuid():N}/");
        var path = Path.Combine(_directory.FullName, "etcdnet.db");
        var saved = await CliRun.RunAsync(cluster.Endpoint, "snapshot", "save", path);
        Assert.True(saved.ExitCode == 0, saved.ToString());

        await AssertSameStatusAsync(cluster.Endpoint, path);
    }

    [Fact]
    public async Task SnapshotStatus_OfAMissingOrForeignFile_FailsAsEtcdctl()
    {
        var text = Path.Combine(_directory.FullName, "notes.txt");
        await File.WriteAllTextAsync(text, string.Concat(Enumerable.Repeat("not a snapshot\n", 1000)));
        var small = Path.Combine(_directory.FullName, "small.db");
        await File.WriteAllTextAsync(small, "tiny");

        foreach (var path in new[] { Path.Combine(_directory.FullName, "missing.db"), Path.Combine(_directory.FullName, "no", "such.db"), text, small, _directory.FullName })
        {
            await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["snapshot", "status", path]);
        }

        await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["snapshot", "status"]);
        await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["snapshot", "status", text, small]);
        await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["-w", "protobuf", "snapshot", "status", Path.Combine(_directory.FullName, "missing.db")]);
    }

    [Fact]
    public async Task SnapshotStatus_OfAnEmptyOrTruncatedFile_FailsWithOneClearLine()
    {
        var saved = Path.Combine(_directory.FullName, "whole.db");
        Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["snapshot", "save", saved])).ExitCode);
        var bytes = await File.ReadAllBytesAsync(saved);
        var truncated = Path.Combine(_directory.FullName, "truncated.db");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2 / 4096 * 4096)]);
        var empty = Path.Combine(_directory.FullName, "empty.db");
        await File.WriteAllBytesAsync(empty, []);

        // etcdctl exits 1 for an empty file too (with bbolt's "bad file descriptor"); a truncated one makes it panic.
        var result = await CliRun.RunAsync(cluster.Endpoint, "snapshot", "status", empty);
        Assert.Equal((1, string.Empty, "Error: invalid database\n"), (result.ExitCode, result.Stdout, result.Stderr));
        Assert.Equal(1, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["snapshot", "status", empty])).ExitCode);

        result = await CliRun.RunAsync(cluster.Endpoint, "snapshot", "status", truncated);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Matches("^Error: snapshot file is truncated: [0-9]+ bytes, but the database spans [0-9]+ pages of 4096 bytes\n$", result.Stderr);
    }

    [Fact]
    public async Task SnapshotRestore_IsRefused_PointingToEtcdctlAndEtcdutl()
    {
        foreach (var args in new[] { new[] { "snapshot", "restore", "backup.db" }, ["snapshot", "restore", "--data-dir", "restored", "--name", "m1", "backup.db"] })
        {
            var result = await CliRun.RunAsync(cluster.Endpoint, args);
            Assert.Equal(4, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.Equal("Error: snapshot restore is not provided by etcdnet: use 'etcdctl snapshot restore' (etcd 3.4) or 'etcdutl snapshot restore' (etcd 3.5 and later)\n", result.Stderr);
        }

        Assert.False(Directory.Exists("restored"));
    }
}
