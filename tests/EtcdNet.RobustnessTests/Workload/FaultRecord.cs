namespace EtcdNet.RobustnessTests.Workload;

/// <summary>One injected fault: its kind, target and when it started and ended (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
public sealed record FaultRecord(FaultKind Kind, string Target, long Start, long End, string? Detail = null);
