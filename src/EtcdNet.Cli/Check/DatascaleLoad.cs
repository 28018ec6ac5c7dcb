using EtcdNet.Cli.Errors;

namespace EtcdNet.Cli.Check;

/// <summary>A <c>check datascale</c> workload: how many key-value pairs to write and with how many concurrent clients.</summary>
/// <param name="Limit">Key-value pairs to write.</param>
/// <param name="Clients">Concurrent clients, each with one request in flight.</param>
internal sealed record DatascaleLoad(int Limit, int Clients)
{
    /// <summary>Size of each key after the prefix, in bytes.</summary>
    public const int KeySize = 512;

    /// <summary>Size of each value, in bytes.</summary>
    public const int ValueSize = 512;

    /// <summary>Bytes per key-value pair, as the start line reports it.</summary>
    public const int KvSize = KeySize + ValueSize;

    /// <summary>The workload named <paramref name="load"/> (s, m, l, xl or their long forms).</summary>
    /// <exception cref="CliException">The name is unknown (exit 4).</exception>
    public static DatascaleLoad Parse(string? load) => CheckLoadNames.Resolve(load) switch
    {
        "s" => new(10_000, 50),
        "m" => new(100_000, 200),
        "l" => new(1_000_000, 500),
        "xl" => new(3_000_000, 1000),
        _ => throw CliException.BadFeature($"unknown load option {load}"),
    };
}
