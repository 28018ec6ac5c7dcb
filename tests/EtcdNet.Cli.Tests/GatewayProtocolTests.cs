using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary><c>--protocol gateway</c>: the same commands through etcd's JSON gateway print what etcdctl prints.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class GatewayProtocolTests(CliCluster cluster)
{
    [Fact]
    public async Task Put_get_txn_and_del_through_the_gateway_print_what_etcdctl_prints()
    {
        var key = "cli/gateway/" + Guid.NewGuid().ToString("N");
        Golden.AssertSame(await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "v1"]), await CliRun.RunAsync(cluster.Endpoint, "--protocol", "gateway", "put", key, "v1"));
        Golden.AssertSame(await EtcdctlRun.RunAsync(cluster.Endpoint, ["get", key, "-w", "json"]), await CliRun.RunAsync(cluster.Endpoint, "--protocol", "gateway", "get", key, "-w", "json"));

        var environment = new Dictionary<string, string> { ["ETCDCTL_PROTOCOL"] = "gateway", ["ETCDCTL_API_PREFIX"] = "/v3beta" };
        var txn = await CliRun.RunAsync([$"--endpoints={cluster.Endpoint}", "txn"], stdin: $"value(\"{key}\") = \"v1\"\n\nput {key} v2\n\n\n", environment: environment);
        Assert.Equal(0, txn.ExitCode);
        Assert.Equal("SUCCESS\n\nOK\n", txn.Stdout);

        var deleted = await CliRun.RunAsync(cluster.Endpoint, "--protocol", "gateway", "del", key);
        Assert.Equal("1\n", deleted.Stdout);
    }

    [Fact]
    public async Task An_unknown_protocol_is_a_usage_error()
    {
        var result = await CliRun.RunAsync(cluster.Endpoint, "--protocol", "carrier-pigeon", "get", "k");

        Assert.Equal(128, result.ExitCode);
        Assert.Equal("Error: unknown protocol \"carrier-pigeon\" for --protocol (use grpc or gateway)\n", result.Stderr);
    }
}
