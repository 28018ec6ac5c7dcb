using System.Diagnostics;
using System.Globalization;
using System.Text;
using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>The outcome of a run: the anomalies found (must be none) and a summary of what was done and measured.</summary>
public sealed class RunReport(RunOptions options, History history, IReadOnlyList<LinearizabilityResult> linearizability, IReadOnlyList<string> anomalies, int serializableWentBack, (int Writes, int Holders) fence)
{
    public RunOptions Options => options;

    public History History => history;

    public IReadOnlyList<string> Anomalies => anomalies;

    public IReadOnlyList<LinearizabilityResult> Linearizability => linearizability;

    /// <summary>Per fault: the time from its end to the first call that succeeded after it.</summary>
    public IEnumerable<(FaultRecord Fault, TimeSpan? Recovery)> Recoveries()
    {
        var ok = history.Operations.Where(o => o.Outcome == Outcome.Ok).Select(o => o.Return).Order().ToArray();
        foreach (var fault in history.Faults)
        {
            var index = Array.BinarySearch(ok, fault.End);
            index = index < 0 ? ~index : index;
            yield return (fault, index < ok.Length ? Stopwatch.GetElapsedTime(fault.End, ok[index]) : null);
        }
    }

    /// <summary>Per fault: the most calls of one client (it runs <see cref="RunOptions.KvWorkersPerClient"/> at once) that started during it and timed out.</summary>
    public int TimeoutsDuring(FaultRecord fault) => history.Operations
        .Where(o => o.Outcome != Outcome.Ok && o.Error?.StartsWith(nameof(EtcdTimeoutException), StringComparison.Ordinal) == true && o.Call >= fault.Start && o.Call <= fault.End)
        .GroupBy(o => o.Client)
        .Select(g => g.Count())
        .DefaultIfEmpty(0)
        .Max();

    public string Summary()
    {
        var text = new StringBuilder();
        var ops = history.Operations;
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {options.Seed}, {options.Duration.TotalSeconds:0} s, broken mode {options.Broken}");
        text.AppendLine("operations by kind and outcome:");
        foreach (var kind in ops.GroupBy(o => o.Input.GetType().Name.Replace("Input", "", StringComparison.Ordinal)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-9} ok {kind.Count(o => o.Outcome == Outcome.Ok),6}  failed {kind.Count(o => o.Outcome == Outcome.Failed),4}  unknown {kind.Count(o => o.Outcome == Outcome.Unknown),4}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  serializable gets ok {history.SerializableReads.Count} (went back between members {serializableWentBack} times)");
        var watches = history.Watches;
        text.AppendLine(CultureInfo.InvariantCulture, $"  watches {watches.Count} ({watches.Sum(w => w.Deliveries.Sum(d => d.Events.Count))} events, {watches.Count(w => w.Error is EtcdCompactedException)} compacted starts)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  leases {history.Leases.Count} ({history.Leases.Count(l => l.LostSignalled)} signalled lost), fenced lock writes {fence.Writes} by {fence.Holders} holders");
        text.AppendLine(CultureInfo.InvariantCulture, $"  partitions checked {linearizability.Count} (largest {(linearizability.Count == 0 ? 0 : linearizability.Max(r => r.Operations))} operations)");

        text.AppendLine("faults (count, recovery median / worst, worst timed-out calls of one client in one fault):");
        foreach (var kind in Recoveries().GroupBy(r => r.Fault.Kind).OrderBy(g => g.Key))
        {
            var times = kind.Where(r => r.Recovery is not null).Select(r => r.Recovery!.Value.TotalMilliseconds).Order().ToArray();
            var median = times.Length == 0 ? double.NaN : times[times.Length / 2];
            var worst = times.Length == 0 ? double.NaN : times[^1];
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-18} {kind.Count(),3}  {median,7:0} ms / {worst,7:0} ms  {kind.Max(r => TimeoutsDuring(r.Fault)),3}");
        }

        var during = ops.Where(o => o.Outcome == Outcome.Ok && history.Faults.Any(f => o.Call >= f.Start && o.Call <= f.End))
            .Select(o => Stopwatch.GetElapsedTime(o.Call, o.Return).TotalMilliseconds).Order().ToArray();
        if (during.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"latency of calls started during faults: p50 {during[during.Length / 2]:0.0} ms, p99 {during[(int)(during.Length * 0.99)]:0.0} ms, max {during[^1]:0.0} ms ({during.Length} calls)");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"anomalies: {anomalies.Count}");
        foreach (var anomaly in anomalies.Take(20))
        {
            text.AppendLine("  " + anomaly);
        }

        return text.ToString();
    }
}
