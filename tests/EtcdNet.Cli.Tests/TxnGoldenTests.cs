using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>txn from stdin compared with etcdctl: both branches, nested get output, every format, malformed input.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class TxnGoldenTests(CliCluster cluster)
{
    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    [InlineData("fields")]
    public async Task Txn_SuccessAndFailure_WithNestedGets_MatchEtcdctl(string format)
    {
        var p = "cli/txn/" + Guid.NewGuid().ToString("N")[..8] + "/";
        await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", p + "a", "1"]);
        await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", p + "b", "2"]);

        // Reads only: both tools see the same data, nothing needs masking.
        var success = $"value(\"{p}a\") = \"1\"\nversion(\"{p}b\") > \"0\"\n\nget {p}a\nget --prefix --keys-only {p}\n\nget {p}b\n\n";
        var failure = $"mod(\"{p}a\") < \"1\"\n\nget {p}a\n\nget --prefix {p} --limit 1\nget \"{p}b\" --print-value-only\n\n";
        foreach (var input in new[] { success, failure })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "txn"], input);
            var actual = await CliRun.RunAsync(["--endpoints=" + cluster.Endpoint, "-w", format, "txn"], input);
            Golden.AssertSame(expected, actual);
            Assert.Equal(0, actual.ExitCode);
        }

        var interactive = await CliRun.RunAsync(["--endpoints=" + cluster.Endpoint, "-w", format, "txn", "-i"], failure);
        Golden.AssertSame(await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "txn", "-i"], failure), interactive);
        Assert.StartsWith("compares:\nsuccess requests (get, put, del):\nfailure requests (get, put, del):\n", interactive.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Txn_Writes_MatchEtcdctl_AfterMaskingRevisions()
    {
        var p = "cli/txn/" + Guid.NewGuid().ToString("N")[..8] + "/";
        var input = $"create(\"{p}k\") = \"0\"\n\nput {p}k v1\nput --prev-kv {p}k v2\ndel --prev-kv {p}k\n\n\n";
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["txn"], input);
        var actual = await CliRun.RunAsync(["--endpoints=" + cluster.Endpoint, "txn"], input);
        Assert.Equal(1, expected.ExitCode); // etcd rejects a key written twice in one txn
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.Stderr.TrimEnd('\n').Split('\n')[^1], actual.Stderr.TrimEnd('\n'));

        input = $"create(\"{p}k\") = \"0\"\n\nput {p}k v1\nput --prev-kv {p}j v2\n\n\n";
        expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", "json", "txn"], input);
        await EtcdctlRun.RunAsync(cluster.Endpoint, ["del", "--prefix", p]);
        actual = await CliRun.RunAsync(["--endpoints=" + cluster.Endpoint, "-w", "json", "txn"], input);
        Golden.AssertSame(expected, actual, Golden.MaskJsonNumbers);
    }

    [Theory]
    [InlineData("mod(\"k\") > \"0\"\n\nput k v\n\nget k\n")] // no blank line after the failure section: EOF
    [InlineData("valu(\"k\") = \"9\"\n\n\n\n")]
    [InlineData("value(\"k\")=\"9\"\n\n\n\n")]
    [InlineData("value k = \"9\"\n\n\n\n")]
    [InlineData("mod(\"k\") = \"x\"\n\n\n\n")]
    [InlineData("\nfoo k v\n\n\n")]
    [InlineData("\nget\n\n\n")]
    [InlineData("\nget k -w json\n\n\n")]
    [InlineData("\nget --sort-by=size k\n\n\n")]
    [InlineData("\nput k\n\n\n")]
    public async Task Txn_MalformedInput_SameExitCodeAndErrorLine(string input)
    {
        var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["txn"], input);
        var actual = await CliRun.RunAsync(["--endpoints=" + cluster.Endpoint, "txn"], input);
        Assert.NotEqual(0, expected.ExitCode);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(string.Empty, actual.Stdout);
        Assert.Equal(expected.Stderr.TrimEnd('\n').Split('\n')[^1] + "\n", actual.Stderr);
    }
}
