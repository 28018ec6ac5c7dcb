using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>user and role commands against etcdctl on a cluster of their own, in every output format.</summary>
public sealed class UserRoleGoldenTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    public static TheoryData<string> Formats => new() { "simple", "json", "fields", "table" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AddGrantGetRevokeDelete_MatchEtcdctl(string format)
    {
        var id = format + Guid.NewGuid().ToString("N")[..8];
        // etcdctl works on "ctl" names, etcdnet on "net" names; outputs compare after renaming.
        string[][] steps =
        [
            ["user", "add", "u-{0}:pw"],
            ["user", "add", "v-{0}", "--new-user-password=pw"],
            ["user", "add", "w-{0}", "--no-password"],
            ["role", "add", "r-{0}"],
            ["role", "grant-permission", "r-{0}", "read", "k1"],
            ["role", "grant-permission", "--prefix", "r-{0}", "readwrite", "pre/"],
            ["role", "grant-permission", "r-{0}", "write", "a", "z"],
            ["role", "grant-permission", "--from-key", "r-{0}", "READ", "fk"],
            ["user", "grant-role", "u-{0}", "r-{0}"],
            ["user", "get", "u-{0}"],
            ["user", "get", "--detail", "u-{0}"],
            ["role", "get", "r-{0}"],
            ["user", "passwd", "--interactive=false", "u-{0}"],
            ["role", "revoke-permission", "r-{0}", "a", "z"],
            ["role", "revoke-permission", "--from-key", "r-{0}", "fk"],
            ["role", "revoke-permission", "--prefix", "r-{0}", "pre/"],
            ["role", "revoke-permission", "r-{0}", "k1"],
            ["role", "revoke-permission", "r-{0}", "k1"],
            ["user", "revoke-role", "u-{0}", "r-{0}"],
            ["user", "get", "u-{0}"],
            ["role", "get", "r-{0}"],
            ["user", "get", "nobody-{0}"],
            ["role", "delete", "r-{0}"],
            ["user", "delete", "u-{0}"],
            ["user", "delete", "u-{0}"],
        ];
        foreach (var step in steps)
        {
            string[] Args(string who) => ["-w", format, .. step.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, s, who + id))];
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, Args("ctl"), stdin: "newpw\n");
            var actual = await CliRun.RunAsync([$"--endpoints={cluster.Endpoint}", .. Args("net")], stdin: "newpw\n");
            Golden.AssertSame(expected, actual, s => Golden.MaskJsonNumbers(s.Replace("ctl" + id, "net" + id, StringComparison.Ordinal)));
            AssertSameError(expected, actual);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Lists_MatchEtcdctl(string format)
    {
        Assert.Equal(0, (await CliRun.RunAsync(cluster.Endpoint, "user", "add", "list-" + format + ":pw")).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(cluster.Endpoint, "role", "add", "list-" + format)).ExitCode);
        foreach (var args in new[] { new[] { "user", "list" }, ["role", "list"] })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, .. args]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, ["-w", format, .. args]);
            Golden.AssertSame(expected, actual, Golden.MaskJsonNumbers);
            AssertSameError(expected, actual);
        }
    }

    [Fact]
    public async Task BadArguments_SameMessageAndExitCode()
    {
        string[][] cases =
        [
            ["user", "add"], ["user", "add", ":pw"], ["user", "get"], ["user", "list", "x"], ["user", "grant-role", "x"],
            ["role", "add"], ["role", "list", "x"], ["role", "grant-permission", "r", "read"],
            ["role", "grant-permission", "r", "bogus", "k"], ["role", "grant-permission", "--prefix", "r", "read", "a", "b"],
            ["role", "grant-permission", "--prefix", "--from-key", "r", "read", "a"], ["role", "revoke-permission", "r"],
            ["auth", "enable", "x"], ["auth", "disable", "x"],
        ];
        foreach (var args in cases)
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, args);
            var actual = await CliRun.RunAsync(cluster.Endpoint, args);
            Golden.AssertSame(expected, actual);
            Assert.Equal(expected.Stderr, actual.Stderr);
        }
    }

    [Fact]
    public async Task UserAdd_WithoutPassword_ReadsALineOfStdin_WhenNotATerminal()
    {
        var user = "stdin-" + Guid.NewGuid().ToString("N")[..8];
        var added = await CliRun.RunAsync([$"--endpoints={cluster.Endpoint}", "user", "add", user], stdin: "secret\n");
        Assert.Equal($"User {user} created\n", added.Stdout);
        var empty = await CliRun.RunAsync([$"--endpoints={cluster.Endpoint}", "user", "add", user + "x"], stdin: "\n");
        Assert.Equal(128, empty.ExitCode);
        Assert.Equal("Error: empty password\n", empty.Stderr);
    }

    /// <summary>etcdctl's last stderr line (it may log warnings before it) equals etcdnet's only line.</summary>
    internal static void AssertSameError(CliResult expected, CliResult actual)
    {
        if (expected.Stderr.Length == 0)
        {
            Assert.Equal(string.Empty, actual.Stderr);
            return;
        }

        Assert.Equal(expected.Stderr.TrimEnd('\n').Split('\n')[^1], actual.Stderr.TrimEnd('\n'));
    }
}
