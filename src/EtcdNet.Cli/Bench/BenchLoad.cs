namespace EtcdNet.Cli.Bench;

/// <summary>How much load to apply: concurrent requesters, when to stop (request count and/or duration) and an optional rate cap.</summary>
/// <param name="Clients">Concurrent requesters, each with one request in flight.</param>
/// <param name="Total">Requests to issue in all; 0 means no limit (a duration must be set).</param>
/// <param name="Duration">How long to run; zero means no limit (a total must be set).</param>
/// <param name="Rate">Maximum requests per second over all requesters; 0 means no cap.</param>
/// <param name="Sample">Also sum up latencies per second of wall-clock time (<c>--sample</c>).</param>
internal sealed record BenchLoad(int Clients, long Total, TimeSpan Duration, int Rate, bool Sample = false);
