using System.Globalization;
using EtcdNet.Cli.Output;

namespace EtcdNet.Cli.Check;

/// <summary>
/// Judges a <c>check perf</c> run as etcdctl 3.4 does: no failed request, a throughput above 90 % of the workload's
/// limit, no request slower than 0.5 s and a latency standard deviation of at most 0.1 s. Each criterion prints one
/// line (etcdctl's words: the slow-request and standard-deviation failures have no "FAIL:" in front), then "PASS"
/// or "FAIL".
/// </summary>
internal static class PerfVerdict
{
    /// <summary>Share of the limit the throughput must exceed.</summary>
    public const double MinThroughputShare = 0.9;

    /// <summary>Latency of the slowest request allowed, in seconds.</summary>
    public const double MaxSlowestSeconds = 0.5;

    /// <summary>Standard deviation of latencies allowed, in seconds.</summary>
    public const double MaxStddevSeconds = 0.1;

    /// <summary>The verdict on <paramref name="stats"/> for a workload of <paramref name="limit"/> puts per second.</summary>
    public static CheckVerdict Judge(CheckStats stats, int limit)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var lines = new List<string>(CheckErrorLines.For(stats.Errors));
        var passed = lines.Count == 0;

        var throughput = ((long)Math.Truncate(stats.RequestsPerSecond) + 1).ToString(CultureInfo.InvariantCulture);
        if (stats.RequestsPerSecond / limit <= MinThroughputShare)
        {
            lines.Add($"FAIL: Throughput too low: {throughput} writes/s");
            passed = false;
        }
        else
        {
            lines.Add($"PASS: Throughput is {throughput} writes/s");
        }

        // A comparison with NaN (no successful request) is false, as in Go: the criterion then passes.
        if (stats.SlowestSeconds > MaxSlowestSeconds)
        {
            lines.Add($"Slowest request took too long: {GoFixed.F(stats.SlowestSeconds)}s");
            passed = false;
        }
        else
        {
            lines.Add($"PASS: Slowest request took {GoFixed.F(stats.SlowestSeconds)}s");
        }

        if (stats.StddevSeconds > MaxStddevSeconds)
        {
            lines.Add($"Stddev too high: {GoFixed.F(stats.StddevSeconds)}s");
            passed = false;
        }
        else
        {
            lines.Add($"PASS: Stddev is {GoFixed.F(stats.StddevSeconds)}s");
        }

        lines.Add(passed ? "PASS" : "FAIL");
        return new CheckVerdict(lines, passed);
    }
}
