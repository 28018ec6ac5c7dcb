using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Check;

/// <summary>A <c>check perf</c> workload: puts per second, concurrent clients (each its own connection) and how long to run.</summary>
/// <param name="Limit">Puts per second the cluster is expected to sustain.</param>
/// <param name="Clients">Concurrent clients, each with one request in flight.</param>
/// <param name="Duration">How long the load runs.</param>
internal sealed record PerfLoad(int Limit, int Clients, TimeSpan Duration)
{
    /// <summary>Size of each key after the prefix, in bytes.</summary>
    public const int KeySize = 256;

    /// <summary>Size of each value, in bytes.</summary>
    public const int ValueSize = 1024;

    /// <summary>The workload named <paramref name="load"/> (s, m, l, xl or their long forms).</summary>
    /// <exception cref="CliException">The name is unknown (exit 4).</exception>
    public static PerfLoad Parse(string? load) => CheckLoadNames.Resolve(load) switch
    {
        "s" => new(150, 50, TimeSpan.FromSeconds(60)),
        "m" => new(1000, 200, TimeSpan.FromSeconds(60)),
        "l" => new(8000, 500, TimeSpan.FromSeconds(60)),
        "xl" => new(15000, 1000, TimeSpan.FromSeconds(60)),
        _ => throw CliException.BadFeature($"unknown load option {load}"),
    };
}
