using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class PutTests(CliCluster cluster)
{
    [Fact]
    public async Task Put_Simple_MatchesEtcdctl_WithAndWithoutPrevKv()
    {
        var key = "cli/put/" + Guid.NewGuid().ToString("N");
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "v1"]);
        var actual = await CliRun.RunAsync(cluster.Endpoint, "put", key, "v2");
        Golden.AssertSame(expected, actual);

        expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", "--prev-kv", key, "v3"]);
        actual = await CliRun.RunAsync(cluster.Endpoint, "put", "--prev-kv", key, "v4");
        Assert.Equal(expected.Stdout.Replace("v2", "v3", StringComparison.Ordinal), actual.Stdout);
    }

    [Fact]
    public async Task BadInput_OneLineOnStderr_NonZeroExit()
    {
        foreach (var args in new[] { new[] { "--bogus-flag" }, ["no-such-command"], ["put", "--lease", "zz", "k", "v"], ["--dial-timeout", "soon", "put", "k", "v"] })
        {
            var result = await CliRun.RunAsync(cluster.Endpoint, args);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Fact]
    public async Task MissingCertificateFile_SameLineAndExitCodeAsEtcdctl()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "ca.pem");
        var expected = await EtcdctlRun.RunAsync("127.0.0.1:1", ["--cacert", missing, "put", "k", "v"]);
        var result = await CliRun.RunAsync(["--endpoints=127.0.0.1:1", "--cacert", missing, "put", "k", "v"]);
        Assert.Equal(expected.ExitCode, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal($"Error: open {missing}: no such file or directory\n", result.Stderr);
        Assert.Equal(expected.Stderr, result.Stderr);
    }

    [Fact]
    public async Task UnreachableEndpoint_FailsPromptly_WithOneLine()
    {
        var result = await CliRun.RunAsync(["--endpoints=127.0.0.1:1", "--dial-timeout=1s", "put", "k", "v"]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task EndpointsFromEnvironment_AreUsed_AndAFlagWins()
    {
        var key = "cli/env/" + Guid.NewGuid().ToString("N");
        var env = new Dictionary<string, string> { ["ETCDCTL_ENDPOINTS"] = cluster.Endpoint };
        Assert.Equal(0, (await CliRun.RunAsync(["put", key, "v"], environment: env)).ExitCode);
        var wrong = new Dictionary<string, string> { ["ETCDCTL_ENDPOINTS"] = "127.0.0.1:1" };
        Assert.Equal(0, (await CliRun.RunAsync(["--endpoints", cluster.Endpoint, "put", key, "v"], environment: wrong)).ExitCode);
        Assert.Equal(1, (await CliRun.RunAsync(["put", key, "v"], environment: wrong)).ExitCode);
    }
}
