using System.Text.RegularExpressions;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed partial class EndpointTests(CliCluster cluster)
{
    private static readonly string[] Formats = ["simple", "json", "fields", "table"];

    // The raft indexes and the database size may move between two runs; their table columns are wider than any value.
    [GeneratedRegex("(\"raftIndex\":|\"raftAppliedIndex\":|\"dbSize\":|\"dbSizeInUse\":|\"RaftIndex\" : |\"RaftAppliedIndex\" : |\"DBSize\" : )[0-9]+")]
    private static partial Regex MovingNumbers();

    [GeneratedRegex("(took = |\"took\":\"|\"Took\" : )[0-9.]+(ns|µs|ms|s)")]
    private static partial Regex Took();

    [GeneratedRegex(@"\|\s+[0-9.]+(ns|µs|ms|s) \|")]
    private static partial Regex TookCell();

    [Fact]
    public async Task Status_MatchesEtcdctl_InEveryFormat_WithAndWithoutCluster()
    {
        foreach (var format in Formats)
        {
            foreach (var allMembers in new[] { false, true })
            {
                string[] args = allMembers ? ["-w", format, "endpoint", "status", "--cluster"] : ["-w", format, "endpoint", "status"];
                var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
                var actual = await CliRun.RunAsync(cluster.Endpoint, args);
                Golden.AssertSame(expected, actual, MaskStatus);
            }
        }

        var simple = await CliRun.RunAsync(cluster.Endpoint, "endpoint", "status");
        Assert.Matches($"^{Regex.Escape(cluster.Endpoint)}, [0-9a-f]+, 3\\.[0-9.]+, [0-9.]+ [kMG]?B, true, false, [0-9]+, [0-9]+, [0-9]+, \n$", simple.Stdout);
    }

    [Fact]
    public async Task HashKv_MatchesEtcdctl_InEveryFormat()
    {
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "endpoint", "hashkv"]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "endpoint", "hashkv");
            Golden.AssertSame(expected, actual);
        }
    }

    [Fact]
    public async Task Health_MatchesEtcdctl_InEveryFormat_ButTheTime()
    {
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "endpoint", "health"]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "endpoint", "health");
            Golden.AssertSame(expected, actual, format == "table" ? MaskTookTable : s => Took().Replace(s, m => m.Groups[1].Value + "#"));
            if (format == "simple")
            {
                // etcdctl writes the simple health lines to stderr.
                Assert.Equal(Took().Replace(expected.Stderr, "took = #"), Took().Replace(actual.Stderr, "took = #"));
            }
        }
    }

    [Fact]
    public async Task Health_OfAnUnreachableEndpoint_ReportsUnhealthy_Exit1()
    {
        var result = await CliRun.RunAsync(["--endpoints=127.0.0.1:1", "--dial-timeout=1s", "--command-timeout=1s", "-w", "json", "endpoint", "health"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^\\[\\{\"endpoint\":\"127\\.0\\.0\\.1:1\",\"health\":false,\"took\":\"[0-9.]+(µs|ms|s)\",\"error\":\"[^\"]+\"\\}\\]\n$", result.Stdout);
        Assert.Equal("Error: unhealthy cluster\n", result.Stderr);
    }

    [Fact]
    public async Task Protobuf_IsRejected_AsEtcdctlDoes()
        => await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, ["-w", "protobuf", "endpoint", "status"]);

    private static string MaskStatus(string text)
    {
        text = MovingNumbers().Replace(text, m => m.Groups[1].Value + "#");
        // simple and table rows: db size, raft index and raft applied index.
        return string.Join('\n', text.Split('\n').Select(line =>
        {
            var separator = line.StartsWith('|') ? "|" : ", ";
            var cells = line.Split(separator);
            var offset = separator == "|" ? 1 : 0;
            if (cells.Length < 10 + offset || line.StartsWith("| ENDPOINT", StringComparison.Ordinal) || line.Contains("ENDPOINT", StringComparison.Ordinal))
            {
                return line;
            }

            foreach (var index in new[] { 3, 7, 8 })
            {
                cells[index + offset] = new string('#', cells[index + offset].Length);
            }

            return string.Join(separator, cells);
        }));
    }

    // The took column's width follows the time: collapse the padding and rules, mask the time.
    private static string MaskTookTable(string text)
        => Regex.Replace(Regex.Replace(TookCell().Replace(text, "| # |"), "-+", "-"), " +", " ");
}
