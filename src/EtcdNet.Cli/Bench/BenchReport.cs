using System.Globalization;
using System.Text;
using System.Text.Json;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Bench;

/// <summary>Writes a <see cref="BenchResult"/> as etcd's benchmark tool does (summary, histogram, percentiles) or as one JSON object.</summary>
internal static class BenchReport
{
    private const int BarWidth = 40;
    private const char Bar = '∎';

    private static string Percent(double p) => p.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The text report. Numbers have four decimals, as the benchmark tool's default; <paramref name="precise"/> writes
    /// them with full precision as its <c>--precise</c> does (Go's <c>%g</c>).
    /// </summary>
    public static string Text(BenchResult result, bool precise = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        Func<double, string> number = precise ? GoFloat.G : static n => n.ToString("0.0000", CultureInfo.InvariantCulture);
        string Seconds(double nanoseconds) => number(nanoseconds / 1e9);
        var h = result.Latencies;
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.Append('\n').Append(result.Name).Append('\n');
        s.Append("Summary:\n");
        s.Append(inv, $"  Total:\t{number(result.Elapsed.TotalSeconds)} secs.\n");
        s.Append(inv, $"  Count:\t{result.Count} requests, {result.ErrorCount} errors.\n");
        s.Append(inv, $"  Slowest:\t{Seconds(h.Count == 0 ? 0 : h.Max)} secs.\n");
        s.Append(inv, $"  Fastest:\t{Seconds(h.Count == 0 ? 0 : h.Min)} secs.\n");
        s.Append(inv, $"  Average:\t{Seconds(h.Mean)} secs.\n");
        s.Append(inv, $"  Stddev:\t{Seconds(h.StdDev)} secs.\n");
        s.Append(inv, $"  Requests/sec:\t{number(result.RequestsPerSecond)}\n");
        s.Append(inv, $"  Client CPU:\t{number(result.Cpu.TotalSeconds)} secs, {number(result.CpuMillisecondsPerOp)} ms/op.\n");
        if (h.Count > 0)
        {
            s.Append("\nResponse time histogram:\n");
            var bins = h.LinearBins(BenchResult.HistogramBins);
            var most = bins.Max(b => b.Count);
            s.Append(inv, $"  {Seconds(h.Min)} [0]\t|\n");
            foreach (var (mark, count) in bins)
            {
                var bar = most == 0 ? 0 : (int)(count * BarWidth / most);
                s.Append(inv, $"  {Seconds(mark)} [{count}]\t|").Append(Bar, bar).Append('\n');
            }

            s.Append("\nLatency distribution:\n");
            foreach (var p in BenchResult.Percentiles)
            {
                s.Append(inv, $"  {Percent(p)}% in {Seconds(h.Percentile(p))} secs.\n");
            }

            if (result.Samples is { } samples)
            {
                AppendSamples(s, samples);
            }
        }

        if (result.Errors.Count > 0)
        {
            s.Append("\nError distribution:\n");
            foreach (var (message, count) in result.Errors.OrderByDescending(e => e.Value))
            {
                s.Append(inv, $"  [{count}]\t{message}\n");
            }
        }

        return s.ToString();
    }

    /// <summary>The per-second samples as the benchmark tool writes them: CSV rows of Go durations.</summary>
    private static void AppendSamples(StringBuilder s, SecondSamples samples)
    {
        var inv = CultureInfo.InvariantCulture;
        s.Append("\nSample in one second (unix latency throughput):\n");
        s.Append("UNIX-SECOND,MIN-LATENCY-MS,AVG-LATENCY-MS,MAX-LATENCY-MS,AVG-THROUGHPUT\n");
        foreach (var (second, point) in samples.Series())
        {
            s.Append(inv, $"{second},{GoDurationText.Format(point.MinLatency)},{GoDurationText.Format(point.AverageLatency)},{GoDurationText.Format(point.MaxLatency)},{point.Count}\n");
        }

        s.Append('\n');
    }

    /// <summary>The JSON report of several phases: one object, or an array when there is more than one.</summary>
    public static string Json(IReadOnlyList<BenchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            if (results.Count == 1)
            {
                WriteJson(w, results[0]);
            }
            else
            {
                w.WriteStartArray();
                foreach (var r in results)
                {
                    WriteJson(w, r);
                }

                w.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteJson(Utf8JsonWriter w, BenchResult result)
    {
        var h = result.Latencies;
        static double Sec(double ns) => Math.Round(ns / 1e9, 9);
        w.WriteStartObject();
        w.WriteString("name", result.Name);
        w.WriteNumber("total_s", Math.Round(result.Elapsed.TotalSeconds, 9));
        w.WriteNumber("count", result.Count);
        w.WriteNumber("errors", result.ErrorCount);
        w.WriteNumber("slowest_s", Sec(h.Count == 0 ? 0 : h.Max));
        w.WriteNumber("fastest_s", Sec(h.Count == 0 ? 0 : h.Min));
        w.WriteNumber("average_s", Sec(h.Mean));
        w.WriteNumber("stddev_s", Sec(h.StdDev));
        w.WriteNumber("requests_per_sec", Math.Round(result.RequestsPerSecond, 4));
        w.WriteNumber("cpu_s", Math.Round(result.Cpu.TotalSeconds, 6));
        w.WriteNumber("cpu_ms_per_op", Math.Round(result.CpuMillisecondsPerOp, 6));
        w.WriteStartArray("histogram");
        if (h.Count > 0)
        {
            foreach (var (mark, count) in h.LinearBins(BenchResult.HistogramBins))
            {
                w.WriteStartObject();
                w.WriteNumber("le_s", Sec(mark));
                w.WriteNumber("count", count);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("percentiles");
        foreach (var p in BenchResult.Percentiles)
        {
            w.WriteStartObject();
            w.WriteNumber("percent", p);
            w.WriteNumber("latency_s", Sec(h.Percentile(p)));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.Samples is { } samples)
        {
            w.WriteStartArray("samples");
            foreach (var (second, point) in samples.Series())
            {
                w.WriteStartObject();
                w.WriteNumber("unix_second", second);
                w.WriteNumber("min_latency_s", Sec(point.MinLatency));
                w.WriteNumber("avg_latency_s", Sec(point.AverageLatency));
                w.WriteNumber("max_latency_s", Sec(point.MaxLatency));
                w.WriteNumber("count", point.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteStartObject("error_counts");
        foreach (var (message, count) in result.Errors)
        {
            w.WriteNumber(message, count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
