namespace EtcdNet.Cli.Bench;

/// <summary>The outcome of one measured phase: how long it took, what succeeded and failed, the latencies and the client CPU.</summary>
/// <param name="Name">What was measured (put, range, watch events, …).</param>
/// <param name="Elapsed">Wall time of the phase.</param>
/// <param name="Latencies">Latencies of the successful requests.</param>
/// <param name="Errors">Failed requests by message.</param>
/// <param name="Cpu">Process CPU time (user + system) over the phase.</param>
internal sealed record BenchResult(string Name, TimeSpan Elapsed, LatencyHistogram Latencies, IReadOnlyDictionary<string, long> Errors, TimeSpan Cpu)
{
    /// <summary>Percentiles of the latency distribution, as etcd's benchmark tool prints them (plus 99.99).</summary>
    public static IReadOnlyList<double> Percentiles { get; } = [10, 25, 50, 75, 90, 95, 99, 99.9, 99.99];

    /// <summary>Number of bars of the response time histogram.</summary>
    public const int HistogramBins = 10;

    /// <summary>Latencies per second of wall-clock time, when asked for (<c>--sample</c>).</summary>
    public SecondSamples? Samples { get; init; }

    /// <summary>Successful requests.</summary>
    public long Count => Latencies.Count;

    /// <summary>Failed requests.</summary>
    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Successful requests per second of wall time.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Count / Elapsed.TotalSeconds : 0;

    /// <summary>Client CPU milliseconds per successful request.</summary>
    public double CpuMillisecondsPerOp => Count == 0 ? 0 : Cpu.TotalMilliseconds / Count;
}
