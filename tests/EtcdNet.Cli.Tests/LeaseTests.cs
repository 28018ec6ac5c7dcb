using System.Text.RegularExpressions;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed partial class LeaseTests(CliCluster cluster)
{
    private static readonly string[] Formats = ["simple", "json", "fields"];

    [GeneratedRegex("[0-9a-f]{16}")]
    private static partial Regex HexId();

    [GeneratedRegex("(\"ID\" : |\"ID\":|\"id\":)[0-9]+")]
    private static partial Regex DecimalId();

    [GeneratedRegex("(remaining\\(|\"ttl\":|\"TTL\" : )[0-9]+")]
    private static partial Regex Remaining();

    [GeneratedRegex("(\"revision\":|\"Revision\" : )[0-9]+")]
    private static partial Regex Revision();

    /// <summary>Masks the lease IDs (hex and decimal) that two grants cannot share.</summary>
    internal static string MaskIds(string text) => HexId().Replace(DecimalId().Replace(text, m => m.Groups[1].Value + "<id>"), "<id>");

    [Fact]
    public async Task Grant_MatchesEtcdctl_InEveryFormat()
    {
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "lease", "grant", "600"]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "lease", "grant", "600");
            Golden.AssertSame(expected, actual, MaskIds);
            Assert.Contains("600", actual.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TimeToLive_MatchesEtcdctl_InEveryFormat_WithAndWithoutKeys()
    {
        var id = await GrantAsync(600);
        var key = "cli/lease/" + Guid.NewGuid().ToString("N");
        Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", "--lease", id, key, "v"])).ExitCode);
        foreach (var format in Formats)
        {
            foreach (var args in new[] { new[] { "lease", "timetolive", id }, ["lease", "timetolive", "--keys", id], ["lease", "timetolive", "123abc"] })
            {
                var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, .. args]);
                var actual = await CliRun.RunAsync(cluster.Endpoint, ["-w", format, .. args]);
                // Only the remaining seconds may tick between the two runs.
                Golden.AssertSame(expected, actual, s => Remaining().Replace(s, m => m.Groups[1].Value + "#"));
            }
        }

        var simple = await CliRun.RunAsync(cluster.Endpoint, "lease", "timetolive", "--keys", id);
        Assert.Matches($"^lease {id} granted with TTL\\(600s\\), remaining\\([0-9]+s\\), attached keys\\(\\[{key}\\]\\)\n$", simple.Stdout);
        Assert.Equal("lease 0000000000123abc already expired\n", (await CliRun.RunAsync(cluster.Endpoint, "lease", "timetolive", "123abc")).Stdout);
    }

    [Fact]
    public async Task List_MatchesEtcdctl_InEveryFormat()
    {
        var id = await GrantAsync(600);
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "lease", "list"]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "lease", "list");
            // The server lists leases in no fixed order: with IDs masked the lines are interchangeable.
            Golden.AssertSame(expected, actual, MaskIds);
        }

        Assert.Contains(id + "\n", (await CliRun.RunAsync(cluster.Endpoint, "lease", "list")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepAliveOnce_And_Revoke_MatchEtcdctl()
    {
        var id = await GrantAsync(600);
        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "lease", "keep-alive", "--once", id]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "lease", "keep-alive", "--once", id);
            Golden.AssertSame(expected, actual);
        }

        Assert.Equal($"lease {id} keepalived with TTL(600)\n", (await CliRun.RunAsync(cluster.Endpoint, "lease", "keep-alive", "--once", id)).Stdout);

        foreach (var format in Formats)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "lease", "revoke", await GrantAsync(600)]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "lease", "revoke", await GrantAsync(600));
            Golden.AssertSame(expected, actual, s => MaskIds(Revision().Replace(s, m => m.Groups[1].Value + "#")));
        }
    }

    [Fact]
    public async Task Errors_MatchEtcdctl_OneLine_SameExitCode()
    {
        var id = await GrantAsync(600);
        string[][] cases =
        [
            ["lease", "grant"],
            ["lease", "grant", "ten"],
            ["lease", "revoke", "zz"],
            ["lease", "revoke", "1234"],
            ["lease", "timetolive"],
            ["lease", "timetolive", "0x12"],
            ["lease", "keep-alive"],
            ["lease", "keep-alive", "--once", "1234"],
            ["lease", "keep-alive", "--once", "fffffffffffffffff"],
            ["-w", "table", "lease", "timetolive", id],
            ["-w", "table", "lease", "list"],
        ];
        foreach (var args in cases)
        {
            await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, args);
        }
    }

    private async Task<string> GrantAsync(int ttl)
    {
        var result = await CliRun.RunAsync(cluster.Endpoint, "lease", "grant", ttl.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, result.ExitCode);
        return result.Stdout.Split(' ')[1];
    }
}
