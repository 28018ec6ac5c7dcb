using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class MemberTests(CliCluster cluster)
{
    [Fact]
    public async Task List_MatchesEtcdctl_InEveryFormat()
    {
        foreach (var format in new[] { "simple", "json", "fields", "table" })
        {
            var expected = await EtcdctlRun.RunAsync(cluster.Endpoint, ["-w", format, "member", "list"]);
            var actual = await CliRun.RunAsync(cluster.Endpoint, "-w", format, "member", "list");
            Golden.AssertSame(expected, actual);
        }

        var member = cluster.Cluster.Members[0];
        Assert.Matches($"^[0-9a-f]+, started, {member.Name}, {member.PeerUrl}, {member.ClientUrl}, false\n$", (await CliRun.RunAsync(cluster.Endpoint, "member", "list")).Stdout);
    }

    [Fact]
    public async Task BadArguments_FailAsEtcdctl()
    {
        string[][] cases =
        [
            ["member", "add"],
            ["member", "add", "x"],
            ["member", "add", "x", "http://127.0.0.1:1"],
            ["member", "remove"],
            ["member", "remove", "xyz"],
            ["member", "remove", "1234"],
            ["member", "update", "1234"],
            ["member", "promote", "1234"],
            ["-w", "protobuf", "endpoint", "hashkv"],
        ];
        foreach (var args in cases)
        {
            await MaintenanceTests.AssertSameErrorAsync(cluster.Endpoint, args);
        }
    }
}
