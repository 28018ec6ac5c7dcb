using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>auth enable/disable and commands with --user on a cluster of their own (enabling auth changes the cluster).</summary>
public sealed class AuthTests(CliCluster cluster) : IClassFixture<CliCluster>
{
    [Fact]
    public async Task EnableUseAndDisable_MatchEtcdctl()
    {
        var endpoint = cluster.Endpoint;
        Assert.Equal("User root created\n", (await CliRun.RunAsync(endpoint, "user", "add", "root:rootpw")).Stdout);

        // root does not hold the root role yet: enable creates and grants it, as etcdctl does.
        var enabled = await CliRun.RunAsync(endpoint, "auth", "enable");
        Assert.Equal(new CliResult(0, "Authentication Enabled\n", string.Empty), enabled);
        var again = await EtcdctlRun.RunAsync(endpoint, ["--user", "root:rootpw", "auth", "enable"]);
        Golden.AssertSame(again, await CliRun.RunAsync(endpoint, "--user", "root:rootpw", "auth", "enable"));

        // No credentials, wrong password, unknown user: the same one error line and exit code as etcdctl.
        foreach (var credentials in new[] { Array.Empty<string>(), ["--user", "root:wrong"], ["--user", "nobody:x"], ["--user", "root", "--password", "wrong"] })
        {
            string[] args = [.. credentials, "user", "list"];
            var expected = await EtcdctlRun.RunAsync(endpoint, args);
            var actual = await CliRun.RunAsync(endpoint, args);
            Golden.AssertSame(expected, actual);
            Assert.NotEqual(0, actual.ExitCode);
            UserRoleGoldenTests.AssertSameError(expected, actual);
        }

        // As root, with either form of the credentials, every command works; outputs match.
        foreach (var credentials in new[] { new[] { "--user", "root:rootpw" }, ["--user", "root", "--password", "rootpw"] })
        {
            foreach (var format in new[] { "simple", "json" })
            {
                foreach (var command in new[] { new[] { "user", "list" }, ["role", "list"], ["user", "get", "root"], ["role", "get", "root"] })
                {
                    string[] args = [.. credentials, "-w", format, .. command];
                    Golden.AssertSame(await EtcdctlRun.RunAsync(endpoint, args), await CliRun.RunAsync(endpoint, args), Golden.MaskJsonNumbers);
                }
            }
        }

        var locked = await CliRun.RunAsync(endpoint, "--user", "root:rootpw", "lock", "auth-lock", "--", "sh", "-c", "echo $ETCD_LOCK_KEY");
        Assert.Equal(0, locked.ExitCode);
        Assert.StartsWith("auth-lock/", locked.Stdout, StringComparison.Ordinal);

        var disabled = await CliRun.RunAsync(endpoint, "--user", "root:rootpw", "auth", "disable");
        Assert.Equal(new CliResult(0, "Authentication Disabled\n", string.Empty), disabled);
        Golden.AssertSame(await EtcdctlRun.RunAsync(endpoint, ["auth", "disable"]), await CliRun.RunAsync(endpoint, "auth", "disable"));
        Assert.Equal(0, (await CliRun.RunAsync(endpoint, "user", "list")).ExitCode);
    }

    [Fact]
    public async Task Status_OnEtcd34_IsOneErrorLine()
    {
        // etcd 3.4 has no AuthStatus RPC (etcd 3.5's etcdctl prints "Authentication Status: …" and "AuthRevision: …").
        var result = await CliRun.RunAsync(cluster.Endpoint, "auth", "status");
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }
}
