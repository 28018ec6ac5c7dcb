using System.Text.RegularExpressions;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>get, put and del compared with etcdctl on the same cluster and data, in every format they print.</summary>
[Collection(CliClusterCollection.Name)]
public sealed partial class KvGoldenTests(CliCluster cluster)
{
    private static readonly string[] Formats = ["simple", "json", "fields"];

    [GeneratedRegex("^\"(Revision|ModRevision|CreateRevision|PrevModRevision|PrevCreateRevision)\" : [0-9]+$", RegexOptions.Multiline)]
    private static partial Regex FieldRevisions();

    [GeneratedRegex("^\"(Key|CreateRevision|ModRevision|Version|Value|Lease)\" : .*\n", RegexOptions.Multiline)]
    private static partial Regex FieldKvLines();

    private static string Mask(string output) => FieldRevisions().Replace(Golden.MaskJsonNumbers(output), m => $"\"{m.Groups[1].Value}\" : #");

    private async Task<string> SeedAsync()
    {
        var prefix = "cli/kv/" + Guid.NewGuid().ToString("N")[..8] + "/";
        foreach (var (k, v) in new[] { ("b", "2"), ("a", "3"), ("c", "1"), ("d", "<&>\u00e9") })
        {
            Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", prefix + k, v])).ExitCode);
        }

        Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", prefix + "b", "22"])).ExitCode);
        return prefix;
    }

    private async Task AssertGetSameAsync(params string[] args)
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
        var actual = await CliRun.RunAsync(cluster.Endpoint, args);
        Golden.AssertSame(expected, actual);
    }

    [Fact]
    public async Task Get_EveryFormatAndFlag_MatchesEtcdctl()
    {
        var p = await SeedAsync();
        var rev = (await CliRun.RunAsync(cluster.Endpoint, "get", p + "a", "-w", "json")).Stdout;
        foreach (var format in Formats)
        {
            await AssertGetSameAsync("-w", format, "get", p + "a");
            await AssertGetSameAsync("-w", format, "get", p + "missing");
            await AssertGetSameAsync("-w", format, "get", "--prefix", p);
            await AssertGetSameAsync("-w", format, "get", "--prefix", p, "--limit", "2");
            await AssertGetSameAsync("-w", format, "get", "--prefix", p, "--limit", "2", "--sort-by", "VALUE");
            await AssertGetSameAsync("-w", format, "get", "--prefix", p, "--sort-by", "modify", "--order", "DESCEND");
            await AssertGetSameAsync("-w", format, "get", "--prefix", p, "--order", "DESCEND", "--limit", "3");
            await AssertGetSameAsync("-w", format, "get", "--prefix", p, "--keys-only");
            await AssertGetSameAsync("-w", format, "get", "--hex", "--prefix", p);
            await AssertGetSameAsync("-w", format, "get", p + "a", p + "c");
            await AssertGetSameAsync("-w", format, "get", "--from-key", p + "c", "--limit", "2", "--consistency", "s");
        }

        await AssertGetSameAsync("get", "--print-value-only", "--prefix", p);
        await AssertGetSameAsync("get", "--print-value-only", "--hex", "--prefix", p, "--sort-by", "CREATE", "--order", "DESCEND");
        Assert.Contains("\"revision\"", rev, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BadFlags_SameExitCodeAndMessage()
    {
        var p = await SeedAsync();
        foreach (var args in new[]
        {
            new[] { "get" }, ["get", "--prefix", "--from-key", p], ["get", "--prefix", p, p + "z"], ["get", "--consistency", "x", p],
            ["get", "--sort-by", "size", p], ["get", "--order", "up", p], ["-w", "json", "get", "--print-value-only", p + "a"],
            ["-w", "table", "get", p + "a"],
        })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
            var actual = await CliRun.RunAsync(cluster.Endpoint, args);
            Golden.AssertSame(expected, actual);
            Assert.NotEqual(0, actual.ExitCode);
            Assert.Equal(expected.Stderr.TrimEnd('\n').Split('\n')[^1], actual.Stderr.TrimEnd('\n'));
        }

        // etcdctl also prints its usage on stdout for an unknown flag; the exit code and error line are the same.
        var unknownExpected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["get", p, "--no-such-flag"]);
        var unknownActual = await CliRun.RunAsync(cluster.Endpoint, "get", p, "--no-such-flag");
        Assert.Equal(unknownExpected.ExitCode, unknownActual.ExitCode);
        Assert.Equal(unknownExpected.Stderr.TrimEnd('\n').Split('\n')[^1], unknownActual.Stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task CommandTimeout_IsADeadline_NotAnInterruption_AsEtcdctl()
    {
        // A server that accepts connections and never answers: every call runs into --command-timeout.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var endpoint = "127.0.0.1:" + ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        string[] args = ["--command-timeout=500ms", "get", "k"];

        var expected = await EtcdctlRun.RunAsync(endpoint, args);
        var actual = await CliRun.RunAsync(endpoint, args);

        Assert.Equal("Error: context deadline exceeded", expected.Stderr.TrimEnd('\n').Split('\n')[^1]); // after gRPC's own warning line
        Golden.AssertSame(expected, actual);
        Assert.Equal("Error: context deadline exceeded\n", actual.Stderr);
        Assert.Equal(1, actual.ExitCode);
    }

    [Fact]
    public async Task GlobalDurations_MustBePositive()
    {
        foreach (var flag in new[] { "--command-timeout=0s", "--dial-timeout=-1s", "--keepalive-timeout=0" })
        {
            var result = await CliRun.RunAsync(cluster.Endpoint, flag, "get", "k");
            Assert.Equal(128, result.ExitCode);
            Assert.Matches("^Error: invalid duration .* must be positive\n$", result.Stderr);
        }
    }

    [Fact]
    public async Task DialTimeout_Zero_SetsNoLimitOfItsOwn_AsInEtcdctl()
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["--dial-timeout=0s", "put", "dial-zero", "v"]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, "--dial-timeout=0s", "put", "dial-zero", "v");
        Assert.Equal("OK\n", expected.Stdout);
        Golden.AssertSame(expected, actual);
    }

    [Fact]
    public async Task Get_CountOnly_IsTheCountOfAFullRead()
    {
        var p = await SeedAsync();
        var full = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", "fields", "get", "--prefix", p]);
        var counted = await CliRun.RunAsync(cluster.Endpoint, "-w", "fields", "get", "--prefix", p, "--count-only");
        Assert.Equal(0, counted.ExitCode);
        Assert.Equal(FieldKvLines().Replace(full.Stdout, string.Empty), counted.Stdout);
        Assert.Contains("\"Count\" : 4\n", counted.Stdout, StringComparison.Ordinal);

        var simple = await CliRun.RunAsync(cluster.Endpoint, "get", "--prefix", p, "--count-only");
        Assert.Equal(128, simple.ExitCode);
    }

    [Fact]
    public async Task Get_RevisionFilters_SelectTheWrittenKeys()
    {
        var p = await SeedAsync();
        var kvs = await CliRun.RunAsync(cluster.Endpoint, "-w", "fields", "get", "--prefix", p, "--sort-by", "MODIFY");
        var mods = Regex.Matches(kvs.Stdout, "^\"ModRevision\" : ([0-9]+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(4, mods.Length);
        var filtered = await CliRun.RunAsync(cluster.Endpoint, "get", "--prefix", p, "--keys-only", "--min-mod-revision", mods[2], "--max-create-revision", mods[2]);
        Assert.Equal(p + "b\n\n" + p + "d\n\n", filtered.Stdout);
        var rev = await CliRun.RunAsync(cluster.Endpoint, "get", "--prefix", p, "--rev", mods[1], "--print-value-only");
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["get", "--prefix", p, "--rev", mods[1], "--print-value-only"]);
        Assert.Equal(expected.Stdout, rev.Stdout);
        Assert.Equal("3\n2\n1\n", rev.Stdout);
    }

    [Fact]
    public async Task Put_EveryFormat_MatchesEtcdctl_WithHexAndPrevKv()
    {
        var key = "cli/kv/put/" + Guid.NewGuid().ToString("N");
        foreach (var format in Formats)
        {
            foreach (var flags in new[] { new[] { "--prev-kv" }, ["--prev-kv", "--hex"], [] })
            {
                await EtcdctlRun.RunAsync(cluster.Endpoint, ["del", key]);
                await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "old"]);
                var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "put", .. flags, key, "new"]);
                await EtcdctlRun.RunAsync(cluster.Endpoint, ["del", key]);
                await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "old"]);
                var actual = await CliRun.RunAsync(cluster.Endpoint, ["-w", format, "put", .. flags, key, "new"]);
                Golden.AssertSame(expected, actual, Mask);
            }
        }

        Golden.AssertSame(
            await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", "table", "put", key, "v"]),
            await CliRun.RunAsync(cluster.Endpoint, "-w", "table", "put", key, "v"));
    }

    [Fact]
    public async Task Del_EveryFormat_MatchesEtcdctl()
    {
        foreach (var format in Formats)
        {
            foreach (var flags in new[] { new[] { "--prefix", "--prev-kv" }, ["--prefix"], ["--prev-kv", "range"], ["--prev-kv", "--hex", "range"] })
            {
                var p = await SeedAsync();
                string[] Args() => flags.Contains("range") ? [.. flags.Where(f => f != "range"), p + "a", p + "c"] : [.. flags, p];
                var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "del", .. Args()]);
                await ReseedAsync(p);
                var actual = await CliRun.RunAsync(cluster.Endpoint, ["-w", format, "del", .. Args()]);
                Golden.AssertSame(expected, actual, Mask);
                Assert.Equal(0, actual.ExitCode);
            }
        }

        foreach (var args in new[] { new[] { "del" }, ["del", "a", "b", "c"], ["del", "--prefix", "--from-key", "a"], ["del", "--prefix", "a", "b"] })
        {
            Golden.AssertSame(await EtcdctlRun.RunAsync(cluster.Endpoint, args), await CliRun.RunAsync(cluster.Endpoint, args));
        }
    }

    [Fact]
    public async Task Compaction_PrintsTheRevision_AndRejectsBadInput()
    {
        var key = "cli/kv/compact/" + Guid.NewGuid().ToString("N");
        await CliRun.RunAsync(cluster.Endpoint, "put", key, "v");
        var json = (await CliRun.RunAsync(cluster.Endpoint, "-w", "json", "get", key)).Stdout;
        var rev = Regex.Match(json, "\"mod_revision\":([0-9]+)").Groups[1].Value;
        var result = await CliRun.RunAsync(cluster.Endpoint, "compaction", "--physical", rev);
        Assert.Equal($"compacted revision {rev}\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        foreach (var args in new[] { new[] { "compaction" }, ["compaction", "x"], ["compaction", "1"] })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
            var actual = await CliRun.RunAsync(cluster.Endpoint, args);
            Golden.AssertSame(expected, actual);
        }
    }

    private async Task ReseedAsync(string prefix)
    {
        foreach (var (k, v) in new[] { ("b", "2"), ("a", "3"), ("c", "1"), ("d", "<&>\u00e9"), ("b", "22") })
        {
            await CliRun.RunAsync(cluster.Endpoint, "put", prefix + k, v);
        }
    }
}
