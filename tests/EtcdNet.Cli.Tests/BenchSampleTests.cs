using System.Text.Json;
using EtcdNet.Cli.Bench;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Tests;

/// <summary>The benchmark tool's --precise numbers and --sample series, checked against what Go prints.</summary>
public sealed class BenchSampleTests
{
    // Expected texts are what Go's fmt %g prints for the same values.
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.0012345, "0.0012345")]
    [InlineData(0.00012, "0.00012")]
    [InlineData(0.000012345, "1.2345e-05")]
    [InlineData(12345.678, "12345.678")]
    [InlineData(123456.7, "123456.7")]
    [InlineData(1234567.8, "1.2345678e+06")]
    [InlineData(1e21, "1e+21")]
    [InlineData(100.0, "100")]
    [InlineData(21411.123456789, "21411.123456789")]
    [InlineData(2.5e-9, "2.5e-09")]
    [InlineData(-0.25, "-0.25")]
    public void GoFloat_IsGoPercentG(double value, string text) => Assert.Equal(text, GoFloat.G(value));

    // Expected texts are what Go's time.Duration.String() prints for the same nanoseconds.
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(999L, "999ns")]
    [InlineData(1_000L, "1µs")]
    [InlineData(1_001L, "1.001µs")]
    [InlineData(999_999L, "999.999µs")]
    [InlineData(1_234_567L, "1.234567ms")]
    [InlineData(999_999_999L, "999.999999ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(61_500_000_000L, "1m1.5s")]
    [InlineData(3_723_000_000_000L, "1h2m3s")]
    public void GoDurationText_OfNanoseconds_IsGoDurationString(long nanoseconds, string text)
        => Assert.Equal(text, GoDurationText.Format(nanoseconds));

    [Fact]
    public void SecondSamples_KeepMinAvgMaxCountPerSecond_AndFillQuietSeconds()
    {
        var a = new SecondSamples();
        var b = new SecondSamples();
        a.Record(100, 3_000);
        a.Record(100, 1_000);
        b.Record(100, 0); // a zero never lowers an existing minimum
        b.Record(103, 5_000);
        a.Add(b);

        var series = a.Series();

        Assert.Equal([100L, 101, 102, 103], series.Select(s => s.UnixSecond));
        Assert.Equal(new SecondSamples.Point(0, 3_000, 4_000, 3), series[0].Point); // b's own first value is its minimum
        Assert.Equal(1_333, series[0].Point.AverageLatency); // whole nanoseconds, as Go's duration division
        Assert.Equal(default, series[1].Point);
        Assert.Equal(0, series[2].Point.AverageLatency);
        Assert.Equal(new SecondSamples.Point(5_000, 5_000, 5_000, 1), series[3].Point);
    }

    [Fact]
    public void Report_WithSamplesAndPrecise_WritesTheSeriesAsTheBenchmarkTool_AndJsonAgrees()
    {
        var histogram = new LatencyHistogram();
        var samples = new SecondSamples();
        for (var i = 0; i < 30; i++)
        {
            var latency = 1_000_000L + (i * 10_000);
            histogram.Record(latency);
            samples.Record(1_700_000_000 + (i / 10 * 2), latency); // seconds 0, 2 and 4: 1 and 3 are quiet
        }

        var result = new BenchResult("put", TimeSpan.FromSeconds(5), histogram, new Dictionary<string, long>(), TimeSpan.FromSeconds(0.1)) { Samples = samples };
        var text = BenchReport.Text(result, precise: true);

        var section = text[text.IndexOf("\nSample in one second (unix latency throughput):\n", StringComparison.Ordinal)..];
        Assert.Equal(
            "\nSample in one second (unix latency throughput):\n"
            + "UNIX-SECOND,MIN-LATENCY-MS,AVG-LATENCY-MS,MAX-LATENCY-MS,AVG-THROUGHPUT\n"
            + "1700000000,1ms,1.045ms,1.09ms,10\n"
            + "1700000001,0s,0s,0s,0\n"
            + "1700000002,1.1ms,1.145ms,1.19ms,10\n"
            + "1700000003,0s,0s,0s,0\n"
            + "1700000004,1.2ms,1.245ms,1.29ms,10\n\n",
            section);
        Assert.Equal("  Total:\t5 secs.", BenchReportParser.Line(text, "Total"));
        Assert.Equal("  Requests/sec:\t6", BenchReportParser.Line(text, "Requests/sec"));
        Assert.Equal("  Fastest:\t0.001 secs.", BenchReportParser.Line(text, "Fastest"));
        Assert.Equal("  Total:\t5.0000 secs.", BenchReportParser.Line(BenchReport.Text(result), "Total"));

        var json = JsonDocument.Parse(BenchReport.Json([result])).RootElement.GetProperty("samples");
        Assert.Equal([10L, 0, 10, 0, 10], json.EnumerateArray().Select(s => s.GetProperty("count").GetInt64()));
        Assert.Equal(0.001045, json[0].GetProperty("avg_latency_s").GetDouble(), 9);
        Assert.Equal(1_700_000_004, json[4].GetProperty("unix_second").GetInt64());
    }
}
