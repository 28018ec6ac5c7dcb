using System.Globalization;
using System.Text.Json;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Bench.Peer;
using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Tests;

public sealed class BenchUnitTests
{
    [Fact]
    public void Histogram_PercentilesWithinOnePercent_AndExactExtremes()
    {
        var h = new LatencyHistogram();
        for (var us = 1; us <= 10000; us++)
        {
            h.Record(us * 1000L);
        }

        Assert.Equal(10000, h.Count);
        Assert.Equal(1000, h.Min);
        Assert.Equal(10_000_000, h.Max);
        Assert.Equal(5_000_500, h.Mean, 1);
        foreach (var p in new[] { 10.0, 50, 90, 99, 99.9 })
        {
            var exact = p / 100 * 10_000_000;
            Assert.InRange(h.Percentile(p), exact * 0.99, exact * 1.01);
        }

        Assert.Equal(10_000_000, h.Percentile(100));
        var bins = h.LinearBins(10);
        Assert.Equal(10000, bins.Sum(b => b.Count));
        Assert.All(bins, b => Assert.InRange(b.Count, 950, 1050));
    }

    [Fact]
    public void Histogram_Add_MergesCountsAndExtremes()
    {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.Record(500);
        b.Record(7_000_000);
        b.Record(0);
        a.Add(b);
        Assert.Equal(3, a.Count);
        Assert.Equal(0, a.Min);
        Assert.Equal(7_000_000, a.Max);
        Assert.InRange(a.Percentile(50), 495, 505);
    }

    [Fact]
    public void TextAndJson_ShowTheSameNumbers()
    {
        var h = new LatencyHistogram();
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            h.Record(200_000 + random.Next(5_000_000));
        }

        var result = new BenchResult("put", TimeSpan.FromSeconds(2.5), h, new Dictionary<string, long> { ["boom"] = 2 }, TimeSpan.FromSeconds(0.4));
        var text = BenchReport.Text(result);
        var json = JsonDocument.Parse(BenchReport.Json([result])).RootElement;
        static string F(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

        Assert.Equal($"  Total:\t{F(json.GetProperty("total_s").GetDouble())} secs.", BenchReportParser.Line(text, "Total"));
        Assert.Equal($"  Count:\t{json.GetProperty("count").GetInt64()} requests, {json.GetProperty("errors").GetInt64()} errors.", BenchReportParser.Line(text, "Count"));
        Assert.Equal($"  Slowest:\t{F(json.GetProperty("slowest_s").GetDouble())} secs.", BenchReportParser.Line(text, "Slowest"));
        Assert.Equal($"  Fastest:\t{F(json.GetProperty("fastest_s").GetDouble())} secs.", BenchReportParser.Line(text, "Fastest"));
        Assert.Equal($"  Average:\t{F(json.GetProperty("average_s").GetDouble())} secs.", BenchReportParser.Line(text, "Average"));
        Assert.Equal($"  Stddev:\t{F(json.GetProperty("stddev_s").GetDouble())} secs.", BenchReportParser.Line(text, "Stddev"));
        Assert.Equal($"  Requests/sec:\t{F(json.GetProperty("requests_per_sec").GetDouble())}", BenchReportParser.Line(text, "Requests/sec"));
        Assert.Equal(
            json.GetProperty("percentiles").EnumerateArray().Select(p => F(p.GetProperty("latency_s").GetDouble())),
            BenchReportParser.Percentiles(text).Select(p => F(p.Seconds)));
        Assert.Equal(
            json.GetProperty("histogram").EnumerateArray().Select(b => b.GetProperty("count").GetInt64()),
            BenchReportParser.Histogram(text).Skip(1).Select(b => b.Count));
        Assert.Equal(2, json.GetProperty("error_counts").GetProperty("boom").GetInt64());
        Assert.Contains("  [2]\tboom\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(1, new byte[] { 0x02 })]
    [InlineData(63, new byte[] { 0x7e })]
    [InlineData(64, new byte[] { 0x80, 0x01 })]
    [InlineData(300, new byte[] { 0xd8, 0x04 })]
    public void Keys_AreZigZagVarints_PaddedToTheKeySize(long index, byte[] varint)
    {
        var key = BenchKeys.Make(8, index);
        Assert.Equal(8, key.Length);
        Assert.Equal(varint, key[..varint.Length]);
        Assert.All(key[varint.Length..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void PeerArgs_TakeGoFlagForms()
    {
        var args = PeerArgs.Parse(["-prefill=false", "-endpoints", "a:1,b:2", "-op", "range-l", "-clients", "64", "--conns", "4", "-duration=3s", "-warmup", "500ms", "-val-size", "100", "-keyspace", "50", "-prefix", "p/", "-timeout", "0"]);
        Assert.False(args.Prefill);
        Assert.Equal(["a:1", "b:2"], args.Endpoints);
        Assert.Equal("range-l", args.Op);
        Assert.Equal((64, 4), (args.Clients, args.Conns));
        Assert.Equal(TimeSpan.FromSeconds(3), args.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), args.Warmup);
        Assert.Equal((100, 50, "p/"), (args.ValSize, args.KeySpace, args.Prefix));
        Assert.Equal(TimeSpan.Zero, args.Timeout);
        Assert.True(PeerArgs.Parse(["-prefill"]).Prefill);
        Assert.Equal(128, Assert.Throws<CliException>(() => PeerArgs.Parse(["-duration"])).ExitCode);
        Assert.Equal(128, Assert.Throws<CliException>(() => PeerArgs.Parse(["-prefill=maybe"])).ExitCode);
    }

    [Fact]
    public void PeerPercentile_IndexesAsTheGoPeer()
    {
        long[] sorted = [1_000_000, 2_000_000, 3_000_000, 4_000_000];
        Assert.Equal(2, PeerResult.Percentile(sorted, 4, 0.50));
        Assert.Equal(4, PeerResult.Percentile(sorted, 4, 0.99));
        Assert.Equal(1, PeerResult.Percentile(sorted, 4, 0.01));
        Assert.Equal(0, PeerResult.Percentile([], 0, 0.5));
    }
}
