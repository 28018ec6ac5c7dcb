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

    /// <summary>
    /// How late each watch event of a KV write arrived: from the write's acknowledgement (or the watch's start, for
    /// a write acknowledged before it) to its delivery, with the fault (if any) during which the write returned.
    /// </summary>
    public IEnumerable<(TimeSpan Lateness, FaultKind? During)> WatchLateness()
    {
        var acknowledged = new Dictionary<long, long>();
        foreach (var op in history.Operations.Where(o => o is { Outcome: Outcome.Ok, Input.IsWrite: true, Output.Succeeded: true }))
        {
            acknowledged.TryAdd(op.Output!.Revision, op.Return);
        }

        var faults = history.Faults;
        foreach (var watch in history.Watches)
        {
            foreach (var delivery in watch.Deliveries.Where(d => d.Events.Count > 0))
            {
                if (acknowledged.TryGetValue(delivery.Events[0].Revision, out var acked))
                {
                    var from = Math.Max(acked, watch.StartedAt);
                    var during = faults.FirstOrDefault(f => acked >= f.Start && acked <= f.End)?.Kind;
                    yield return (Stopwatch.GetElapsedTime(from, Math.Max(from, delivery.At)), during);
                }
            }
        }
    }

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

        foreach (var group in history.NotInjected.GroupBy(n => (n.Kind, Reason: System.Text.RegularExpressions.Regex.Replace(n.Reason, "[0-9]+", "N"))).OrderByDescending(g => g.Count()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  not injected: {group.Key.Kind} x{group.Count()} ({group.Key.Reason})");
        }

        var during = ops.Where(o => o.Outcome == Outcome.Ok && history.Faults.Any(f => o.Call >= f.Start && o.Call <= f.End))
            .Select(o => Stopwatch.GetElapsedTime(o.Call, o.Return).TotalMilliseconds).Order().ToArray();
        if (during.Length > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"latency of calls started during faults: p50 {during[during.Length / 2]:0.0} ms, p99 {during[(int)(during.Length * 0.99)]:0.0} ms, max {during[^1]:0.0} ms ({during.Length} calls)");
        }

        var lateness = WatchLateness().ToList();
        if (lateness.Count > 0)
        {
            var all = lateness.Select(l => l.Lateness.TotalMilliseconds).Order().ToArray();
            text.AppendLine(CultureInfo.InvariantCulture, $"watch events after their write was acknowledged: p50 {all[all.Length / 2]:0.0} ms, p99 {all[(int)(all.Length * 0.99)]:0.0} ms, max {all[^1]:0.0} ms ({all.Length} events); worst by the fault during the write:");
            foreach (var kind in lateness.Where(l => l.During is not null).GroupBy(l => l.During!.Value).OrderBy(g => g.Key))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-18} {kind.Max(l => l.Lateness.TotalMilliseconds),7:0} ms");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"anomalies: {anomalies.Count}");
        foreach (var anomaly in anomalies.Take(20))
        {
            text.AppendLine("  " + anomaly);
        }

        return text.ToString();
    }
}
