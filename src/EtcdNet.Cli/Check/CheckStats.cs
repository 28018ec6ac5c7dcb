using EtcdNet.Cli.Bench;

namespace EtcdNet.Cli.Check;

/// <summary>What a check's verdict is made of: throughput, the slowest request, the spread of latencies and the failures.</summary>
/// <param name="RequestsPerSecond">Successful requests per second of the run's wall time.</param>
/// <param name="SlowestSeconds">Latency of the slowest successful request, in seconds (0 when none succeeded).</param>
/// <param name="StddevSeconds">Population standard deviation of the successful requests' latencies, in seconds (NaN when none succeeded).</param>
/// <param name="Errors">Failed requests by error message.</param>
internal sealed record CheckStats(double RequestsPerSecond, double SlowestSeconds, double StddevSeconds, IReadOnlyDictionary<string, long> Errors)
{
    private const double NanosecondsPerSecond = 1e9;

    /// <summary>The figures of a finished run.</summary>
    public static CheckStats From(BenchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var latencies = result.Latencies;
        return new CheckStats(
            result.RequestsPerSecond,
            latencies.Count == 0 ? 0 : latencies.Max / NanosecondsPerSecond,
            latencies.Count == 0 ? double.NaN : latencies.StdDev / NanosecondsPerSecond,
            result.Errors);
    }
}
