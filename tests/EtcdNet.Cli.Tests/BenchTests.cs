using System.Text.Json;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Tests.Infrastructure;

namespace EtcdNet.Cli.Tests;

[Collection(CliClusterCollection.Name)]
public sealed class BenchTests(CliCluster cluster)
{
    [Fact]
    public async Task Put_SequentialKeys_WritesEveryKeyOfTheKeySpace_AndPrintsTheReport()
    {
        // Key size 16 is used by no other test: these keys belong to this run alone.
        var result = await CliRun.RunAsync(cluster.Endpoint, "bench", "put", "--clients", "8", "--conns", "2", "--total", "2000", "--sequential-keys", "--key-space-size", "100", "--key-size", "16", "--val-size", "10");
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertReport(result.Stdout, 2000);

        await using var client = new EtcdClient(cluster.Endpoint);
        for (var i = 0; i < 100; i++)
        {
            var kv = Assert.Single((await client.GetAsync(BenchKeys.Make(16, i))).Kvs);
            Assert.Equal(20, kv.Version); // 2000 sequential puts over 100 keys: each key written 20 times
            Assert.Equal(10, kv.Value.Length);
        }

        Assert.Empty((await client.GetAsync(BenchKeys.Make(16, 100))).Kvs);
    }

    [Fact]
    public async Task Range_Serializable_PrintsTheReport()
    {
        var key = "cli/bench/range/" + Guid.NewGuid().ToString("N");
        await using (var client = new EtcdClient(cluster.Endpoint))
        {
            await client.PutAsync(key, "v");
        }

        var result = await CliRun.RunAsync(cluster.Endpoint, "bench", "range", key, "--total", "500", "--clients", "4", "--consistency", "s");
        Assert.True(result.ExitCode == 0, result.ToString());
        AssertReport(result.Stdout, 500);
    }

    [Fact]
    public async Task Sample_PrintsOneRowPerSecond_WhoseCountsAddUpToTheRequests()
    {
        var result = await CliRun.RunAsync(cluster.Endpoint, "bench", "put", "--clients", "4", "--duration", "2s", "--sample", "--precise", "--key-size", "17");
        Assert.True(result.ExitCode == 0, result.ToString());
        var count = long.Parse(BenchReportParser.Line(result.Stdout, "Count").Split('\t')[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var section = result.Stdout.Split("UNIX-SECOND,MIN-LATENCY-MS,AVG-LATENCY-MS,MAX-LATENCY-MS,AVG-THROUGHPUT\n")[1];
        var rows = section.TrimEnd('\n').Split('\n').Select(line => line.Split(',')).ToList();
        Assert.InRange(rows.Count, 2, 4); // two seconds of load over two or three wall-clock seconds
        Assert.All(rows, row => Assert.Equal(5, row.Length));
        Assert.Equal(rows.Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(count, rows.Sum(r => long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Matches(@"^  Average:\t[0-9]\.([0-9]{5,}|[0-9]*e-[0-9]{2}) secs\.$", BenchReportParser.Line(result.Stdout, "Average")); // --precise: more than four decimals
    }

    [Fact]
    public async Task Json_Parses_AndItsNumbersAgree()
    {
        var result = await CliRun.RunAsync(cluster.Endpoint, "bench", "range", "cli/bench/json", "cli/bench/jsoo", "--total", "300", "--clients", "3", "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(300, root.GetProperty("count").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.Equal(300, root.GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
        var fastest = root.GetProperty("fastest_s").GetDouble();
        var slowest = root.GetProperty("slowest_s").GetDouble();
        var average = root.GetProperty("average_s").GetDouble();
        Assert.InRange(average, fastest, slowest);
        var percentiles = root.GetProperty("percentiles").EnumerateArray().Select(p => p.GetProperty("latency_s").GetDouble()).ToList();
        Assert.Equal(9, percentiles.Count);
        Assert.Equal(percentiles.Order(), percentiles);
        Assert.InRange(percentiles[0], fastest, slowest);
        Assert.InRange(percentiles[^1], fastest, slowest);
        var rate = root.GetProperty("requests_per_sec").GetDouble();
        Assert.Equal(300 / root.GetProperty("total_s").GetDouble(), rate, 0.01);
    }

    [Fact]
    public async Task TxnPut_And_LeaseKeepAlive_Run()
    {
        var txn = await CliRun.RunAsync(cluster.Endpoint, "bench", "txn-put", "--txn-ops", "3", "--key-space-size", "30", "--key-size", "24", "--total", "200", "--clients", "4");
        Assert.True(txn.ExitCode == 0, txn.ToString());
        AssertReport(txn.Stdout, 200);

        var lease = await CliRun.RunAsync(cluster.Endpoint, "bench", "lease-keepalive", "--total", "200", "--clients", "4");
        Assert.True(lease.ExitCode == 0, lease.ToString());
        AssertReport(lease.Stdout, 200);
    }

    [Fact]
    public async Task Watch_ReceivesEveryEvent()
    {
        var prefix = "cli/bench/watch/" + Guid.NewGuid().ToString("N") + "/";
        var result = await CliRun.RunAsync(cluster.Endpoint, "bench", "watch", "--streams", "2", "--watchers", "3", "--put-total", "50", "--key-space-size", "2", "--sequential-keys", "--prefix", prefix, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var phases = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["watch creation", "watch put", "watch events"], phases.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(6, phases[0].GetProperty("count").GetInt64());
        Assert.Equal(50, phases[1].GetProperty("count").GetInt64());
        // 6 watchers on 2 keys, 3 per key; every put reaches 3 watchers.
        Assert.Equal(150, phases[2].GetProperty("count").GetInt64());
        Assert.Equal(0, phases[2].GetProperty("errors").GetInt64());
    }

    [Fact]
    public async Task BadFlags_OneLineError_NonZeroExit()
    {
        string[][] cases =
        [
            ["bench", "put", "--clients", "0"],
            ["bench", "put", "--conns", "-1"],
            ["bench", "put", "--duration", "soon"],
            ["bench", "put", "--total", "0"],
            ["bench", "put", "--key-space-size", "0"],
            ["bench", "put", "--bogus"],
            ["bench", "put", "--clients", "many"],
            ["bench", "range"],
            ["bench", "range", "k", "--consistency", "x"],
            ["bench", "txn-put", "--txn-ops", "5", "--key-space-size", "2"],
            ["bench", "peer", "-op", "delete"],
            ["bench", "peer", "-clients", "x"],
            ["bench", "peer", "-nonsense", "1"],
        ];
        foreach (var args in cases)
        {
            var result = await CliRun.RunAsync(cluster.Endpoint, args);
            Assert.True(result.ExitCode != 0, string.Join(' ', args) + "\n" + result);
            Assert.Equal(string.Empty, result.Stdout);
            Assert.StartsWith("Error: ", result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        }
    }

    [Fact]
    public async Task Peer_PrintsTheHumanLine_AndAResultLineWithThePeerFields()
    {
        var result = await CliRun.RunAsync(["bench", "peer", "-endpoints", cluster.Endpoint, "-op", "range-s", "-clients", "2", "-conns", "2", "-duration", "500ms", "-warmup", "100ms", "-keyspace", "20", "-prefix", "cli/bench/peer/", "-prefill=true"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("csharp op=range-s clients=2 conns=2: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("RESULT {", lines[1], StringComparison.Ordinal);
        var json = JsonDocument.Parse(lines[1]["RESULT ".Length..]).RootElement;
        Assert.Equal("csharp", json.GetProperty("peer").GetString());
        Assert.Equal("range-s", json.GetProperty("op").GetString());
        Assert.Equal(2, json.GetProperty("clients").GetInt32());
        Assert.True(json.GetProperty("ops").GetInt64() > 0);
        Assert.Equal(0, json.GetProperty("errors").GetInt64());
        foreach (var field in new[] { "duration_s", "ops_per_s", "mean_ms", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "cpu_user_s", "cpu_sys_s", "cpu_total_s", "cpu_ms_per_op", "val_size", "keyspace" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        Assert.True(json.GetProperty("p50_ms").GetDouble() <= json.GetProperty("p99_ms").GetDouble());
        await using var client = new EtcdClient(cluster.Endpoint);
        Assert.Equal(20, (await client.GetAsync("cli/bench/peer/", new GetOptions { Prefix = true, CountOnly = true })).Count);
    }

    private static void AssertReport(string report, long count)
    {
        Assert.Contains("Summary:\n", report, StringComparison.Ordinal);
        Assert.Equal($"  Count:\t{count} requests, 0 errors.", BenchReportParser.Line(report, "Count"));
        Assert.True(BenchReportParser.Number(BenchReportParser.Line(report, "Requests/sec").Split('\t')[1]) > 0);
        foreach (var label in new[] { "Total", "Slowest", "Fastest", "Average", "Stddev", "Client CPU" })
        {
            BenchReportParser.Line(report, label);
        }

        Assert.Contains("Response time histogram:\n", report, StringComparison.Ordinal);
        var histogram = BenchReportParser.Histogram(report);
        Assert.Equal(11, histogram.Count);
        Assert.Equal(count, histogram.Sum(h => h.Count));
        Assert.Contains(histogram, h => h.Bar == 40);
        Assert.Equal(histogram.Select(h => h.Mark).Order(), histogram.Select(h => h.Mark));

        Assert.Contains("Latency distribution:\n", report, StringComparison.Ordinal);
        var percentiles = BenchReportParser.Percentiles(report);
        Assert.Equal([10, 25, 50, 75, 90, 95, 99, 99.9, 99.99], percentiles.Select(p => p.Percent));
        Assert.Equal(percentiles.Select(p => p.Seconds).Order(), percentiles.Select(p => p.Seconds));
    }
}
