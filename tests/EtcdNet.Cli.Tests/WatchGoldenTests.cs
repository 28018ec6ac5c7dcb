using System.Text.RegularExpressions;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

/// <summary>etcdnet watch and etcdctl watch on the same key see two puts and a delete; their outputs are compared.</summary>
[Collection(CliClusterCollection.Name)]
public sealed class WatchGoldenTests(CliCluster cluster)
{
    [Theory]
    [InlineData("simple", 3, 3, 3)]
    [InlineData("json", 1, 1, 1)]
    [InlineData("fields", 11, 17, 17)]
    public async Task Watch_PutPutDelete_MatchesEtcdctl(string format, int first, int second, int third)
    {
        var key = "cli/watch/" + Guid.NewGuid().ToString("N");
        var start = await NextRevisionAsync();
        string[] args = ["--endpoints=" + cluster.Endpoint, "-w", format, "watch", "--prev-kv", "--rev", start, key];
        await using var etcdctl = WatchLiveRun.Etcdctl(args);
        await using var etcdnet = WatchLiveRun.Etcdnet(args);

        // One write at a time, each awaited in both outputs, so that each response holds one event.
        var lines = 0;
        foreach (var (write, added) in new[] { (new[] { "put", key, "v1" }, first), (["put", key, "v2"], second), (["del", key], third) })
        {
            Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, write)).ExitCode);
            lines += added;
            await etcdctl.WaitForLinesAsync(lines);
            await etcdnet.WaitForLinesAsync(lines);
        }

        Assert.Equal(etcdctl.Output, etcdnet.Output);
        Assert.Contains(format == "json" ? "\"type\":1" : "DELETE", etcdnet.Output, StringComparison.Ordinal);
        Assert.Equal(5, await etcdnet.StopAsync());
    }

    [Fact]
    public async Task Watch_RunsACommandPerEvent_WithEtcdctlVariables()
    {
        var key = "cli/watch/" + Guid.NewGuid().ToString("N");
        var start = await NextRevisionAsync();
        string[] args = ["--endpoints=" + cluster.Endpoint, "watch", "--rev", start, "--prefix", key, "--", "sh", "-c", "echo \"$ETCD_WATCH_EVENT_TYPE $ETCD_WATCH_KEY $ETCD_WATCH_VALUE $ETCD_WATCH_REVISION\""];
        await using var etcdnet = WatchLiveRun.Etcdnet(args);
        await using var etcdctl = WatchLiveRun.Etcdctl(args);
        string[][] writes = [["put", key + "/a", "x y"], ["del", key + "/a"]];
        var lines = 0;
        foreach (var write in writes)
        {
            Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, write)).ExitCode);
            lines += 4;
            await etcdctl.WaitForLinesAsync(lines);
            await etcdnet.WaitForLinesAsync(lines);
        }

        Assert.Equal(etcdctl.Output, etcdnet.Output);
        Assert.Contains($"\"PUT\" \"{key}/a\" \"x y\" ", etcdnet.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_Interactive_WatchAndProgressLines_MatchEtcdctl()
    {
        var key = "cli/watch/" + Guid.NewGuid().ToString("N");
        var start = await NextRevisionAsync();
        string[] args = ["--endpoints=" + cluster.Endpoint, "watch", "-i"];
        await using var etcdnet = WatchLiveRun.Etcdnet(args);
        await using var etcdctl = WatchLiveRun.Etcdctl(args);
        foreach (var run in new[] { etcdnet, etcdctl })
        {
            await run.WriteLineAsync($"watch --prev-kv --rev {start} {key}");
        }

        Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "a"])).ExitCode);
        await etcdctl.WaitForLinesAsync(3);
        await etcdnet.WaitForLinesAsync(3);
        Assert.Equal(0, (await EtcdctlRun.RunAsync(cluster.Endpoint, ["put", key, "b"])).ExitCode);
        await etcdctl.WaitForLinesAsync(8);
        await etcdnet.WaitForLinesAsync(8);
        foreach (var run in new[] { etcdnet, etcdctl })
        {
            await run.WriteLineAsync("progress");
        }

        await etcdctl.WaitForLinesAsync(9);
        await etcdnet.WaitForLinesAsync(9);
        Assert.Equal(etcdctl.Output, etcdnet.Output);
        Assert.Matches("\nprogress notify: [0-9]+\n$", etcdnet.Output);
    }

    // Both watches start at the next revision, so neither misses a write made before it is established.
    private async Task<string> NextRevisionAsync()
    {
        var head = (await CliRun.RunAsync(cluster.Endpoint, "-w", "json", "get", "cli/watch/none")).Stdout;
        var revision = long.Parse(Regex.Match(head, "\"revision\":([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (revision + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
